package org.revtrace.ingest.amocrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.revtrace.ingest.connect.FormFields;
import org.revtrace.ingest.connect.WebhookChange;
import org.revtrace.ingest.connect.WebhookPayloadException;

/**
 * Deliveries shaped after amoCRM's webhook format page ({entity: {action: {0: {fields}}}} sent as
 * x-www-form-urlencoded, with account[subdomain] and account[id]).
 */
class AmoCrmWebhookTest {

  private static FormFields form(String body) {
    return FormFields.parse(body.getBytes(StandardCharsets.UTF_8));
  }

  private static String encoded(String... pairs) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      body.append(body.length() == 0 ? "" : "&")
          .append(java.net.URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
          .append('=')
          .append(java.net.URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return body.toString();
  }

  @Test
  void aStatusChangeIsOneChangeOfTheLead() {
    AmoCrmWebhook hook =
        AmoCrmWebhook.parse(
            form(
                encoded(
                    "leads[status][0][id]", "25399013",
                    "leads[status][0][status_id]", "142",
                    "leads[status][0][pipeline_id]", "3177727",
                    "leads[status][0][old_status_id]", "7039101",
                    "leads[status][0][old_pipeline_id]", "3177727",
                    "account[id]", "29013640",
                    "account[subdomain]", "example")));

    assertThat(hook.subdomain()).isEqualTo("example");
    assertThat(hook.accountId()).isEqualTo("29013640");
    WebhookChange change = hook.changes().get(0);
    assertThat(hook.changes()).hasSize(1);
    assertThat(change.event()).isEqualTo("leads[status]");
    assertThat(change.entity()).isEqualTo("lead");
    assertThat(change.action()).isEqualTo("status");
    assertThat(change.id()).isEqualTo("25399013");
    assertThat(change.occurredAt()).isNull();
    assertThat(change.dedupe()).startsWith("sha256:");
  }

  @Test
  void aStatusChangeToAnotherStatusIsAnotherKey() {
    String first =
        encoded(
            "leads[status][0][id]", "25399013",
            "leads[status][0][status_id]", "142",
            "leads[status][0][old_status_id]", "7039101",
            "account[subdomain]", "example");
    String back =
        encoded(
            "leads[status][0][id]", "25399013",
            "leads[status][0][status_id]", "7039101",
            "leads[status][0][old_status_id]", "142",
            "account[subdomain]", "example");
    assertThat(AmoCrmWebhook.parse(form(first)).changes().get(0).dedupe())
        .isEqualTo(AmoCrmWebhook.parse(form(first)).changes().get(0).dedupe())
        .isNotEqualTo(AmoCrmWebhook.parse(form(back)).changes().get(0).dedupe());
  }

  @Test
  void severalItemsAndEntitiesInOneDeliveryAreSeveralChangesKeyedByTheirTimes() {
    AmoCrmWebhook hook =
        AmoCrmWebhook.parse(
            form(
                encoded(
                    "leads[add][0][id]", "101",
                    "leads[add][0][name]", "Заявка с сайта",
                    "leads[add][0][status_id]", "32392159",
                    "leads[add][0][price]", "15000",
                    "leads[add][0][created_at]", "1740812400",
                    "leads[add][0][updated_at]", "1740812401",
                    "leads[add][0][custom_fields][0][id]", "66339",
                    "leads[add][0][custom_fields][0][values][0][value]", "Сайт",
                    "leads[add][1][id]", "102",
                    "leads[add][1][last_modified]", "1740812402",
                    "contacts[update][0][id]", "7",
                    "contacts[update][0][type]", "contact",
                    "contacts[update][0][updated_at]", "1740812403",
                    "contacts[add][0][id]", "8",
                    "contacts[add][0][type]", "company",
                    "leads[delete][0][id]", "99",
                    "leads[delete][0][status_id]", "143",
                    "leads[delete][0][pipeline_id]", "3177727",
                    "account[subdomain]", "example")));

    assertThat(hook.changes())
        .extracting(c -> c.entity() + "/" + c.action() + "/" + c.id() + "/" + c.dedupe())
        .containsExactly(
            "lead/add/101/ts:1740812401",
            "lead/add/102/ts:1740812402",
            "contact/update/7/ts:1740812403",
            "company/add/8/" + hook.changes().get(3).dedupe(),
            "lead/delete/99/" + hook.changes().get(4).dedupe());
    assertThat(hook.changes().get(0).occurredAt()).isEqualTo(Instant.ofEpochSecond(1740812401));
    assertThat(hook.changes().get(4).isDeletion()).isTrue();
  }

  @Test
  void notesTasksAndOtherEntitiesAreSkipped() {
    AmoCrmWebhook hook =
        AmoCrmWebhook.parse(
            form(
                encoded(
                    "leads[note][0][note][element_id]", "101",
                    "task[add][0][id]", "5",
                    "unsorted[add][0][uid]", "abc",
                    "account[subdomain]", "example",
                    "account[_links][self]", "https://example.amocrm.ru")));
    assertThat(hook.changes()).isEmpty();
  }

  @Test
  void malformedDeliveriesAreRefusedWithTheField() {
    assertThatThrownBy(() -> AmoCrmWebhook.parse(form(encoded("leads[add][0][id]", "1"))))
        .isInstanceOfSatisfying(
            WebhookPayloadException.class,
            e -> assertThat(e.field()).isEqualTo("account[subdomain]"));
    assertThatThrownBy(
            () ->
                AmoCrmWebhook.parse(
                    form(
                        encoded(
                            "leads[add][0][name]", "x",
                            "account[subdomain]", "example"))))
        .isInstanceOfSatisfying(
            WebhookPayloadException.class,
            e -> {
              assertThat(e.code()).isEqualTo("MISSING_VALUE");
              assertThat(e.field()).isEqualTo("leads[add][0][id]");
            });
    assertThatThrownBy(
            () ->
                AmoCrmWebhook.parse(
                    form(encoded("leads[add][0][id]", "abc", "account[subdomain]", "example"))))
        .isInstanceOfSatisfying(
            WebhookPayloadException.class, e -> assertThat(e.code()).isEqualTo("BAD_VALUE"));
    assertThatThrownBy(
            () ->
                AmoCrmWebhook.parse(
                    form(encoded("leads[add][x][id]", "1", "account[subdomain]", "example"))))
        .isInstanceOfSatisfying(
            WebhookPayloadException.class,
            e -> assertThat(e.field()).isEqualTo("leads[add][x][id]"));
    assertThatThrownBy(
            () ->
                AmoCrmWebhook.parse(
                    form(
                        encoded(
                            "leads[update][0][id]", "1",
                            "leads[update][0][updated_at]", "2025-03-01",
                            "account[subdomain]", "example"))))
        .isInstanceOfSatisfying(
            WebhookPayloadException.class,
            e -> assertThat(e.field()).isEqualTo("leads[update][0][updated_at]"));
  }
}
