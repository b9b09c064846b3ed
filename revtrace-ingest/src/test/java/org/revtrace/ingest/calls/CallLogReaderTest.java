package org.revtrace.ingest.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.RowError;
import org.revtrace.core.model.Utm;
import org.revtrace.ingest.canonical.ImportOptions;
import org.revtrace.ingest.canonical.PersonalData;

/** The presets read fixtures shaped after each vendor's documented export fields. */
class CallLogReaderTest {

  private static final PersonalData PERSONAL = new PersonalData(PersonalData.DEFAULT_SALT);
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  private static CallLogReader.CallLog read(
      String name, CallLogPreset preset, ImportOptions options) throws IOException {
    try (InputStream in = CallLogReaderTest.class.getResourceAsStream(name)) {
      return new CallLogReader(preset, options, "7").read(name, in.readAllBytes());
    }
  }

  @Test
  void comagicCallsReportInTheCountersZoneWithOutgoingSkippedAndBadRowsQuarantined()
      throws IOException {
    CallLogReader.CallLog log =
        read(
            "comagic-calls.csv",
            CallLogPreset.COMAGIC,
            ImportOptions.defaults().withZone("comagic-calls.csv", MOSCOW));

    assertThat(log.calls()).hasSize(2);
    PhoneCall first = log.calls().get(0);
    assertThat(first.id()).isEqualTo("1867345201");
    assertThat(first.startedAt()).isEqualTo(Instant.parse("2025-03-03T07:15:00Z"));
    assertThat(first.phoneKeys()).first().isEqualTo(PERSONAL.hashPhone("89161234567"));
    assertThat(first.durationSeconds()).isEqualTo(230);
    assertThat(first.answered()).isTrue();
    assertThat(first.utm())
        .isEqualTo(new Utm("yandex", "cpc", "brand_msk", "ad_42", "crm система"));
    assertThat(first.trackingNumber()).isEqualTo("74951234567");
    assertThat(log.calls().get(1).answered()).as("is_lost=true").isFalse();
    assertThat(log.outgoing()).isEqualTo(1);
    assertThat(log.result().errors())
        .extracting(RowError::line, RowError::field, RowError::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(5L, "start_time", ErrorCode.BAD_TIMESTAMP),
            org.assertj.core.groups.Tuple.tuple(6L, "is_lost", ErrorCode.BAD_VALUE),
            org.assertj.core.groups.Tuple.tuple(7L, "id", ErrorCode.DUPLICATE_ID));
    assertThat(log.result().files().get(0).summary())
        .startsWith("comagic-calls.csv: 5 rows, 2 kept, 3 quarantined");
    assertThat(log.result().quarantine().get(0).rows()).hasSize(3);
  }

  @Test
  void calltouchDiaryPrefersUtmFieldsAndReadsDayFirstDates() throws IOException {
    CallLogReader.CallLog log =
        read("calltouch-calls.csv", CallLogPreset.CALLTOUCH, ImportOptions.defaults());

    assertThat(log.result().errors()).isEmpty();
    assertThat(log.calls()).hasSize(2);
    PhoneCall first = log.calls().get(0);
    assertThat(first.id()).isEqualTo("3981");
    assertThat(first.startedAt()).isEqualTo(Instant.parse("2025-03-03T10:15:00Z"));
    assertThat(first.utm()).isEqualTo(new Utm("yandex", "cpc", "brand_msk", "ad_42", "crm"));
    assertThat(first.landingPage()).startsWith("https://example.ru/?utm_source=yandex");
    PhoneCall missed = log.calls().get(1);
    assertThat(missed.answered()).isFalse();
    assertThat(missed.utm().source()).as("source when utmSource is blank").isEqualTo("(direct)");
  }

  @Test
  void mangoStatisticsWithoutAHeaderInTheDocumentedFieldOrder() throws IOException {
    CallLogReader.CallLog log =
        read("mango-stats.csv", CallLogPreset.MANGO, ImportOptions.defaults());

    assertThat(log.result().errors()).isEmpty();
    assertThat(log.outgoing()).as("from_extension set: an employee's call").isEqualTo(1);
    assertThat(log.calls()).hasSize(2);
    assertThat(log.calls().get(0).startedAt()).isEqualTo(Instant.parse("2025-03-03T10:15:00Z"));
    assertThat(log.calls().get(0).durationSeconds()).isEqualTo(230);
    assertThat(log.calls().get(0).answered()).isTrue();
    assertThat(log.calls().get(0).id()).isEqualTo("MToxMDA1NzU5Mzo1MDI6NjI1ODM4MzQ=");
    assertThat(log.calls().get(1).answered()).as("answer = 0").isFalse();
    assertThat(log.calls().get(1).trackingNumber()).isEqualTo("74951234567");
  }

  @Test
  void genericCsvKeepsACallWithoutAPhoneAndRejectsMissingTimesAndNegativeDurations()
      throws IOException {
    CallLogReader.CallLog log =
        read("generic-calls.csv", CallLogPreset.GENERIC, ImportOptions.defaults());

    assertThat(log.calls()).extracting(PhoneCall::id).containsExactly("c-1", "c-2");
    assertThat(log.calls().get(0).durationSeconds()).as("3:50").isEqualTo(230);
    assertThat(log.calls().get(0).phoneKeys()).first().isEqualTo(PERSONAL.hashPhone("79161234567"));
    assertThat(log.calls().get(1).hasPhone()).isFalse();
    assertThat(log.result().errors())
        .extracting(RowError::describe)
        .containsExactly(
            "generic-calls.csv:4: started_at MISSING_VALUE (the call's start is required)",
            "generic-calls.csv:5: duration_seconds NEGATIVE_VALUE '-5' (a duration is not negative)");
    assertThat(String.join("\n", log.result().errors().toString()))
        .as("no raw phone number in errors")
        .doesNotContain("89031112233");
  }

  @Test
  void aLogWithoutAPhoneColumnIsRejectedWholeAndUnknownPresetsAreNamed() {
    CallLogReader.CallLog log =
        new CallLogReader(CallLogPreset.CALLTOUCH, ImportOptions.defaults(), "7")
            .read("x.csv", "callId,date\n1,03/03/2025 10:00:00\n".getBytes(StandardCharsets.UTF_8));

    assertThat(log.calls()).isEmpty();
    assertThat(log.result().errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.code()).isEqualTo(ErrorCode.MISSING_COLUMN);
              assertThat(error.message()).contains("callerNumber");
            });
    assertThat(CallLogPreset.of("UIS")).isEqualTo(CallLogPreset.COMAGIC);
    assertThatThrownBy(() -> CallLogPreset.of("zadarma")).hasMessageContaining("calltouch");
  }
}
