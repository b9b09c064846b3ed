package org.revtrace.app.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.revtrace.ingest.connect.SyncCursor;
import org.revtrace.ingest.http.ApiHttp;

/** The stored cursor JSON: CRM cursors written before day cursors existed still read. */
class ConnectorsCursorTest {

  @Test
  void aCursorStoredBeforeDayCursorsReadsAsBefore() {
    SyncCursor cursor =
        Connectors.read(
            "crm.deal.list",
            "{\"source\":\"bitrix24\",\"modified_at\":\"2025-03-01T07:00:02Z\",\"last_id\":\"102\"}");

    assertThat(cursor)
        .isEqualTo(
            new SyncCursor(
                "bitrix24", "crm.deal.list", Instant.parse("2025-03-01T07:00:02Z"), "102"));
    assertThat(
            Connectors.read(
                "leads", "{\"source\":\"amocrm\",\"modified_at\":null,\"last_id\":null}"))
        .isEqualTo(SyncCursor.initial("amocrm", "leads"));
  }

  @Test
  void everyKindOfCursorRoundTrips() {
    SyncCursor day = SyncCursor.ofDay("yandexdirect", "spend:client", LocalDate.of(2025, 3, 4));
    SyncCursor time = new SyncCursor("amocrm", "leads", Instant.parse("2025-03-01T07:00:02Z"), "7");
    SyncCursor initial = SyncCursor.initial("vkads", "spend");

    assertThat(Connectors.write(day))
        .isEqualTo(
            "{\"source\":\"yandexdirect\",\"modified_at\":null,\"last_id\":null,"
                + "\"last_day\":\"2025-03-04\"}");
    assertThat(Connectors.write(time)).doesNotContain("last_day");
    for (SyncCursor cursor : new SyncCursor[] {day, time, initial}) {
      assertThat(Connectors.read(cursor.entity(), Connectors.write(cursor))).isEqualTo(cursor);
    }
  }

  @Test
  void everySecretOfAConnectionIsRedactedIncludingGoogleDefaults() {
    Connectors connectors =
        new Connectors(
            ApiHttp.standard(),
            duration -> {},
            Map.of("RT_YANDEX", "ya-secret-1", "GOOGLE_ADS_REFRESH_TOKEN", "refresh-secret-2"));
    ConnectionSettings yandex =
        new ConnectionSettings(
            "direct", ConnectorSource.YANDEX_DIRECT, Map.of("token_env", "RT_YANDEX"));
    ConnectionSettings google =
        new ConnectionSettings(
            "google", ConnectorSource.GOOGLE_ADS, Map.of("customer_id", "1234567890"));

    assertThat(connectors.redact(yandex, "bad ya-secret-1 here")).isEqualTo("bad *** here");
    assertThat(connectors.redact(google, "refresh-secret-2 refused")).isEqualTo("*** refused");
  }
}
