package org.revtrace.ingest.ga4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.RowError;
import org.revtrace.core.model.Touchpoint;
import org.revtrace.core.model.Utm;
import org.revtrace.ingest.canonical.ImportResult;

/** GA4 BigQuery export rows (the documented export schema) → one touchpoint per session. */
class Ga4SessionsTest {

  private static final String U1 = "1026454.4271112504";

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = Ga4SessionsTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  private static Map<String, Touchpoint> byId(ImportResult result) {
    return result.data().touchpoints().stream()
        .collect(Collectors.toMap(Touchpoint::id, Function.identity()));
  }

  @Test
  void oneTouchpointPerSessionWithTheSessionsOwnSource() throws IOException {
    ImportResult result =
        Ga4Sessions.defaults()
            .readJsonLines("events_20250303.jsonl", fixture("events_20250303.jsonl"));

    Map<String, Touchpoint> touches = byId(result);
    assertThat(touches).hasSize(4);

    Touchpoint paid = touches.get("ga4:" + U1 + ":1740996000");
    assertThat(paid.occurredAt())
        .as("the session's earliest event, not session_start's own time")
        .isEqualTo(Instant.parse("2025-03-03T10:00:00.100Z"));
    assertThat(paid.channel()).isEqualTo("paid_search");
    assertThat(paid.utm()).isEqualTo(new Utm("yandex", "cpc", "brand_msk", null, null));
    assertThat(paid.visitorId()).isEqualTo(U1);
    assertThat(paid.contactId()).isNull();
    assertThat(paid.referrer()).isEqualTo("https://yandex.ru/");
    assertThat(paid.landingPage()).contains("utm_campaign=brand_msk");

    Touchpoint returning = touches.get("ga4:" + U1 + ":1741082400");
    assertThat(returning.channel())
        .as("a direct return is direct, whatever GA4's last-click field says")
        .isEqualTo("direct");
    assertThat(returning.utm()).isEqualTo(Utm.NONE);
    assertThat(returning.contactId()).as("user_id of a later event").isEqualTo("crm-contact-77");
    assertThat(returning.referrer()).as("the site's own pages are no referrer").isNull();

    Touchpoint autoTagged = touches.get("ga4:1928374.1740990000:1741100000");
    assertThat(autoTagged.channel()).isEqualTo("paid_search");
    assertThat(autoTagged.utm().source()).isEqualTo("google");

    Touchpoint organic = touches.get("ga4:5550001.1741100000:1741110000");
    assertThat(organic.channel()).isEqualTo("organic_search");
  }

  @Test
  void badRowsAreQuarantinedWithTheirLineAndRowsWithoutASessionAreSkipped() throws IOException {
    ImportResult result =
        Ga4Sessions.defaults()
            .readJsonLines("events_20250303.jsonl", fixture("events_20250303.jsonl"));

    assertThat(result.errors())
        .extracting(RowError::line, RowError::field, RowError::code)
        .containsExactly(
            tuple(8L, "", ErrorCode.BAD_VALUE),
            tuple(9L, "event_timestamp", ErrorCode.BAD_TIMESTAMP),
            tuple(10L, "user_pseudo_id", ErrorCode.MISSING_VALUE));
    assertThat(result.files().get(0).summary())
        .startsWith("events_20250303.jsonl: 10 rows, 7 kept, 3 quarantined");
    assertThat(result.quarantine().get(0).rows())
        .extracting(row -> row.line())
        .containsExactly(8L, 9L, 10L);
  }

  @Test
  void theFlattenedCsvFormReadsTheSameColumns() throws IOException {
    ImportResult result =
        Ga4Sessions.defaults().readCsv("events-flat.csv", fixture("events-flat.csv"));

    assertThat(result.data().touchpoints())
        .singleElement()
        .satisfies(
            touch -> {
              assertThat(touch.id()).isEqualTo("ga4:" + U1 + ":1740996000");
              assertThat(touch.channel()).isEqualTo("paid_social");
              assertThat(touch.utm()).isEqualTo(new Utm("vk", "cpc", "spring_leads", null, null));
              assertThat(touch.contactId()).isEqualTo("crm-contact-77");
              assertThat(touch.landingPage()).isEqualTo("https://example.ru/crm");
            });
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error ->
                assertThat(error.describe())
                    .isEqualTo(
                        "events-flat.csv:4: event_timestamp BAD_TIMESTAMP 'yesterday'"
                            + " (expected microseconds since 1970-01-01 UTC)"));
  }

  @Test
  void aCsvWithoutTimestampsIsRejectedWhole() {
    ImportResult result =
        Ga4Sessions.defaults()
            .readCsv(
                "x.csv", "user_pseudo_id,ga_session_id\n1.2,3\n".getBytes(StandardCharsets.UTF_8));

    assertThat(result.data().touchpoints()).isEmpty();
    assertThat(result.errors())
        .extracting(RowError::code)
        .containsExactly(ErrorCode.MISSING_COLUMN);
  }
}
