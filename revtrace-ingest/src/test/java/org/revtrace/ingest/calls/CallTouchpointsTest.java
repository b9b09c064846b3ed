package org.revtrace.ingest.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.Touchpoint;
import org.revtrace.core.model.Utm;
import org.revtrace.ingest.canonical.PersonalData;

class CallTouchpointsTest {

  private static final PersonalData PERSONAL = new PersonalData(PersonalData.DEFAULT_SALT);
  private static final Instant CALL = Instant.parse("2025-03-03T10:00:00Z");

  private static PhoneCall call(String id, String phone) {
    return new PhoneCall(
        id,
        CALL,
        PhoneNumbers.keys(PhoneNumbers.normalise(phone, "7"), PERSONAL),
        90,
        true,
        new Utm("Yandex", "CPC", "Brand", null, null),
        null,
        "https://example.ru/");
  }

  private static Lead lead(String id, String contact, String visitor, String phone) {
    return new Lead(
        id,
        CALL.plus(Duration.ofHours(1)),
        contact,
        "acc-1",
        visitor,
        null,
        PERSONAL.hashPhone(phone),
        null,
        Utm.NONE,
        null,
        null,
        null);
  }

  private static CanonicalData withLeads(Lead... leads) {
    return new CanonicalData(
        List.of(),
        List.of(),
        List.of(leads),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  @Test
  void aMatchedCallJoinsTheLeadsJourneyAsACallTouch() {
    CallTouchpoints.Applied applied =
        CallTouchpoints.defaults()
            .apply(
                withLeads(lead("L1", "C1", "V1", "89161234567")),
                List.of(call("7", "+7 916 123 45 67")),
                CallWindow.defaults());

    Touchpoint touch = applied.data().touchpoints().get(0);
    assertThat(touch.id()).isEqualTo("call:7");
    assertThat(touch.type()).isEqualTo(TouchType.CALL);
    assertThat(touch.channel()).isEqualTo("calls");
    assertThat(touch.contactId()).isEqualTo("C1");
    assertThat(touch.visitorId()).isEqualTo("V1");
    assertThat(touch.accountId()).isEqualTo("acc-1");
    assertThat(touch.utm()).isEqualTo(new Utm("yandex", "cpc", "brand", null, null));
    assertThat(touch.occurredAt()).isEqualTo(CALL);
    assertThat(applied.matches().matched()).isEqualTo(1);
  }

  @Test
  void aCallAfterItsLeadWithinTheToleranceIsDatedAtTheLeadsCreation() {
    Lead lead =
        new Lead(
            "L9",
            CALL.minus(Duration.ofMinutes(4)),
            "C9",
            null,
            null,
            null,
            PERSONAL.hashPhone("89161234567"),
            null,
            Utm.NONE,
            null,
            null,
            null);
    CallTouchpoints.Applied applied =
        CallTouchpoints.defaults()
            .apply(withLeads(lead), List.of(call("12", "89161234567")), CallWindow.defaults());

    assertThat(applied.data().touchpoints().get(0).occurredAt()).isEqualTo(lead.createdAt());
  }

  @Test
  void aLeadKnownOnlyByItsPhoneGetsAVisitorIdSharedWithItsCalls() {
    CallTouchpoints.Applied applied =
        CallTouchpoints.defaults()
            .apply(
                withLeads(lead("L2", null, null, "89161234567")),
                List.of(call("8", "89161234567")),
                CallWindow.defaults());

    assertThat(applied.data().leads().get(0).visitorId()).isEqualTo("lead:L2");
    assertThat(applied.data().touchpoints().get(0).visitorId()).isEqualTo("lead:L2");
  }

  @Test
  void unmatchedCallsStayAnonymousOnePersonPerNumber() {
    CallTouchpoints.Applied applied =
        CallTouchpoints.defaults()
            .apply(
                withLeads(),
                List.of(call("9", "89031112233"), call("10", "+7 903 111-22-33"), call("11", "")),
                CallWindow.defaults());

    List<Touchpoint> touches = applied.data().touchpoints();
    assertThat(touches.get(0).visitorId())
        .startsWith("phone:")
        .hasSize("phone:".length() + 16)
        .isEqualTo(touches.get(1).visitorId());
    assertThat(touches.get(0).contactId()).isNull();
    assertThat(touches.get(2).visitorId()).isEqualTo("call:11");
    assertThat(applied.matches().describe())
        .isEqualTo("3 calls: 0 matched to leads by phone, 3 unmatched (1 without a phone)");
  }
}
