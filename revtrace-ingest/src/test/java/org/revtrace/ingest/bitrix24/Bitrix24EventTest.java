package org.revtrace.ingest.bitrix24;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.revtrace.ingest.connect.FormFields;
import org.revtrace.ingest.connect.WebhookChange;
import org.revtrace.ingest.connect.WebhookPayloadException;

/**
 * Deliveries shaped after Bitrix24's documentation of onCrmDealUpdate ("What the handler receives":
 * event, event_handler_id, data[FIELDS][ID], ts, auth[...]) as an outbound webhook posts them,
 * form-encoded.
 */
class Bitrix24EventTest {

  private static final String TOKEN = "51856fefc120afa4b628cc82d3935cce";

  static String delivery(String event, String id, String ts) {
    return "event="
        + event
        + "&event_handler_id=201"
        + (id == null ? "" : "&data%5BFIELDS%5D%5BID%5D=" + id)
        + (ts == null ? "" : "&ts=" + ts)
        + "&auth%5Bdomain%5D=some-domain.bitrix24.com"
        + "&auth%5Bclient_endpoint%5D=https%3A%2F%2Fsome-domain.bitrix24.com%2Frest%2F"
        + "&auth%5Bserver_endpoint%5D=https%3A%2F%2Foauth.bitrix.info%2Frest%2F"
        + "&auth%5Bmember_id%5D=a223c6b3710f85df22e9377d6c4f7553"
        + "&auth%5Bapplication_token%5D="
        + TOKEN;
  }

  private static FormFields form(String body) {
    return FormFields.parse(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aDealUpdateIsOneChangeKeyedByTheVendorTimestamp() {
    FormFields form = form(delivery("ONCRMDEALUPDATE", "759", "1736405807"));

    assertThat(Bitrix24Event.applicationToken(form)).hasValue(TOKEN);
    Bitrix24Event event = Bitrix24Event.parse(form);
    assertThat(event.event()).isEqualTo("ONCRMDEALUPDATE");
    assertThat(event.domain()).isEqualTo("some-domain.bitrix24.com");
    assertThat(event.changes())
        .containsExactly(
            new WebhookChange(
                "ONCRMDEALUPDATE",
                "deal",
                "update",
                "759",
                Instant.parse("2025-01-09T06:56:47Z"),
                "ts:1736405807"));
    assertThat(event.toString()).doesNotContain(TOKEN);
  }

  @Test
  void leadContactAndCompanyEventsAndDeletionsAreRead() {
    assertThat(Bitrix24Event.parse(form(delivery("ONCRMLEADADD", "17", "1"))).changes())
        .singleElement()
        .satisfies(c -> assertThat(c.entity() + "/" + c.action()).isEqualTo("lead/add"));
    assertThat(Bitrix24Event.parse(form(delivery("onCrmContactUpdate", "5", "1"))).changes())
        .singleElement()
        .satisfies(c -> assertThat(c.entity() + "/" + c.action()).isEqualTo("contact/update"));
    WebhookChange deleted =
        Bitrix24Event.parse(form(delivery("ONCRMCOMPANYDELETE", "3", "1"))).changes().get(0);
    assertThat(deleted.entity()).isEqualTo("company");
    assertThat(deleted.isDeletion()).isTrue();
  }

  @Test
  void otherEventsAreDeliveriesWithoutChanges() {
    Bitrix24Event test = Bitrix24Event.parse(form("event=ONAPPTEST&data%5BQUERY%5D%5Bany%5D=x"));
    assertThat(test.event()).isEqualTo("ONAPPTEST");
    assertThat(test.changes()).isEmpty();
    assertThat(Bitrix24Event.parse(form(delivery("ONCRMACTIVITYADD", "9", "1"))).changes())
        .isEmpty();
  }

  @Test
  void withoutATimestampTheContentIsTheKeyButNotTheAuthentication() {
    String first = delivery("ONCRMDEALUPDATE", "759", null);
    String sameOtherToken = first.replace(TOKEN, "ffffffffffffffffffffffffffffffff");
    String otherDeal = delivery("ONCRMDEALUPDATE", "760", null);

    String key = Bitrix24Event.parse(form(first)).changes().get(0).dedupe();
    assertThat(key).startsWith("sha256:");
    assertThat(Bitrix24Event.parse(form(sameOtherToken)).changes().get(0).dedupe()).isEqualTo(key);
    assertThat(Bitrix24Event.parse(form(otherDeal)).changes().get(0).dedupe()).isNotEqualTo(key);
    assertThat(Bitrix24Event.parse(form(first)).changes().get(0).occurredAt()).isNull();
  }

  @Test
  void malformedDeliveriesNameTheFieldButNeverTheToken() {
    assertThatThrownBy(() -> Bitrix24Event.parse(form(delivery("ONCRMDEALUPDATE", null, "1"))))
        .isInstanceOfSatisfying(
            WebhookPayloadException.class,
            e -> {
              assertThat(e.code()).isEqualTo("MISSING_VALUE");
              assertThat(e.field()).isEqualTo("data[FIELDS][ID]");
              assertThat(e.getMessage()).doesNotContain(TOKEN);
            });
    assertThatThrownBy(() -> Bitrix24Event.parse(form(delivery("ONCRMDEALUPDATE", "x1", "1"))))
        .isInstanceOfSatisfying(
            WebhookPayloadException.class, e -> assertThat(e.code()).isEqualTo("BAD_VALUE"));
    assertThatThrownBy(
            () -> Bitrix24Event.parse(form(delivery("ONCRMDEALUPDATE", "1", "yesterday"))))
        .isInstanceOfSatisfying(
            WebhookPayloadException.class, e -> assertThat(e.field()).isEqualTo("ts"));
    assertThatThrownBy(() -> Bitrix24Event.parse(form("data%5BFIELDS%5D%5BID%5D=1")))
        .isInstanceOfSatisfying(
            WebhookPayloadException.class, e -> assertThat(e.field()).isEqualTo("event"));
    assertThatThrownBy(() -> Bitrix24Event.parse(form("event=<script>")))
        .isInstanceOf(WebhookPayloadException.class);
    assertThatThrownBy(() -> form("event=ONCRMDEALUPDATE&data%5BFIELDS%5D%5BID%5D=%G1"))
        .isInstanceOfSatisfying(
            WebhookPayloadException.class, e -> assertThat(e.code()).isEqualTo("BAD_ENCODING"));
  }

  @Test
  void aDeliveryWithoutTokenHasNone() {
    assertThat(Bitrix24Event.applicationToken(form("event=ONCRMDEALUPDATE"))).isEmpty();
    assertThat(Bitrix24Event.applicationToken(form("auth%5Bapplication_token%5D=+"))).isEmpty();
  }
}
