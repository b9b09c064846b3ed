package org.revtrace.ingest.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.Utm;
import org.revtrace.ingest.canonical.PersonalData;

/** Worked examples of the matching definition in {@link CallMatcher}. */
class CallMatcherTest {

  private static final PersonalData PERSONAL = new PersonalData(PersonalData.DEFAULT_SALT);
  private static final Instant CALL = Instant.parse("2025-03-03T10:00:00Z");
  private static final String PHONE = "+7 916 123-45-67";

  private static PhoneCall call(String id, Instant at, String phone) {
    return new PhoneCall(
        id,
        at,
        PhoneNumbers.keys(PhoneNumbers.normalise(phone, "7"), PERSONAL),
        60,
        true,
        Utm.NONE,
        null,
        null);
  }

  private static Lead lead(String id, Instant created, String phone) {
    return new Lead(
        id,
        created,
        "contact-" + id,
        null,
        null,
        null,
        PERSONAL.hashPhone(phone),
        null,
        Utm.NONE,
        null,
        null,
        null);
  }

  private static Lead matched(List<Lead> leads, Instant callAt) {
    return CallMatcher.match(List.of(call("c", callAt, PHONE)), leads, CallWindow.defaults())
        .matches()
        .get(0)
        .lead();
  }

  @Test
  void theWindowRunsFromTenMinutesBeforeToThirtyDaysAfterTheCallBothEndsIncluded() {
    Duration after = Duration.ofDays(30);
    Duration before = Duration.ofMinutes(10);

    assertThat(matched(List.of(lead("a", CALL.plus(after), "89161234567")), CALL)).isNotNull();
    assertThat(matched(List.of(lead("a", CALL.plus(after).plusSeconds(1), "89161234567")), CALL))
        .isNull();
    assertThat(matched(List.of(lead("a", CALL.minus(before), "89161234567")), CALL)).isNotNull();
    assertThat(matched(List.of(lead("a", CALL.minus(before).minusSeconds(1), "89161234567")), CALL))
        .isNull();
    assertThat(matched(List.of(lead("a", CALL, "9161234567")), CALL))
        .as("a lead phone stored without the country code")
        .isNotNull();
  }

  @Test
  void ofTwoLeadsWithTheSamePhoneTheNearestInTimeWins() {
    Lead dayAfter = lead("later", CALL.plus(Duration.ofDays(1)), PHONE);
    Lead hourAfter = lead("sooner", CALL.plus(Duration.ofHours(1)), PHONE);
    Lead fiveMinutesBefore = lead("before", CALL.minus(Duration.ofMinutes(5)), PHONE);

    assertThat(matched(List.of(dayAfter, hourAfter), CALL)).isEqualTo(hourAfter);
    assertThat(matched(List.of(dayAfter, hourAfter, fiveMinutesBefore), CALL))
        .isEqualTo(fiveMinutesBefore);
    Lead fiveMinutesAfter = lead("z-after", CALL.plus(Duration.ofMinutes(5)), PHONE);
    assertThat(matched(List.of(fiveMinutesBefore, fiveMinutesAfter), CALL))
        .as("at equal distance the lead after the call")
        .isEqualTo(fiveMinutesAfter);
  }

  @Test
  void twoCallsMayMatchOneLeadAndOtherNumbersNeverMatch() {
    Lead lead = lead("a", CALL.plus(Duration.ofDays(2)), PHONE);
    CallMatcher.Matches matches =
        CallMatcher.match(
            List.of(
                call("first", CALL, PHONE),
                call("second", CALL.plus(Duration.ofDays(1)), "8 (916) 123-45-67"),
                call("stranger", CALL, "+7 903 111-22-33")),
            List.of(lead),
            CallWindow.defaults());

    assertThat(matches.matches())
        .extracting(CallMatcher.Match::lead)
        .containsExactly(lead, lead, null);
    assertThat(matches.matched()).isEqualTo(2);
    assertThat(matches.unmatched()).isEqualTo(1);
  }

  @Test
  void aCallWithoutAPhoneOrALeadWithoutAPhoneIsNeverMatched() {
    Lead noPhone = lead("a", CALL.plusSeconds(60), null);
    CallMatcher.Matches matches =
        CallMatcher.match(
            List.of(call("anon", CALL, "anonymous"), call("c", CALL, PHONE)),
            List.of(noPhone),
            CallWindow.defaults());

    assertThat(matches.matched()).isZero();
    assertThat(matches.withoutPhone()).isEqualTo(1);
    assertThat(matches.unmatched()).isEqualTo(1);
    assertThat(matches.describe())
        .isEqualTo("2 calls: 0 matched to leads by phone, 2 unmatched (1 without a phone)");
  }

  @Test
  void hashesMadeWithAnotherSaltDoNotMatch() {
    Lead lead =
        new Lead(
            "a",
            CALL.plusSeconds(60),
            null,
            null,
            null,
            null,
            new PersonalData("other").hashPhone(PHONE),
            null,
            Utm.NONE,
            null,
            null,
            null);
    assertThat(matched(List.of(lead), CALL)).isNull();
  }
}
