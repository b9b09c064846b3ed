package org.revtrace.ingest.amocrm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.revtrace.ingest.connect.FormFields;
import org.revtrace.ingest.connect.WebhookChange;
import org.revtrace.ingest.connect.WebhookPayloadException;

/**
 * One delivery of amoCRM webhooks (Settings → Integrations → Webhooks), posted form-encoded with
 * the entity, the action and a 0-based index in brackets, and the account:
 *
 * <pre>
 * leads[status][0][id]=25399013&amp;leads[status][0][status_id]=142
 * &amp;leads[status][0][pipeline_id]=3177727&amp;leads[status][0][old_status_id]=7039101
 * &amp;account[id]=29013640&amp;account[subdomain]=example
 * </pre>
 *
 * Read: {@code leads}, {@code contacts} and {@code companies} with the actions {@code add}, {@code
 * update}, {@code delete}, {@code restore}, {@code status} (leads) and {@code responsible}; a
 * {@code contacts[...][type]=company} item is a company. One delivery may hold several items and
 * actions: each is one {@link WebhookChange}. Other entities (tasks, customers, unsorted, chats)
 * and notes are not changes of what Revtrace reads and are skipped. amoCRM does not sign its
 * webhooks: the caller authenticates the delivery by the secret in its URL and checks the account.
 *
 * @param accountId {@code account[id]}, empty when absent
 * @param subdomain {@code account[subdomain]}
 * @param changes the changes in delivery order
 */
public record AmoCrmWebhook(String accountId, String subdomain, List<WebhookChange> changes) {

  /** The source name of amoCRM webhook events. */
  public static final String SOURCE = "amocrm";

  private static final Set<String> ENTITIES = Set.of("leads", "contacts", "companies");
  private static final Set<String> ACTIONS =
      Set.of("add", "update", "delete", "restore", "status", "responsible");
  private static final Pattern ITEM_FIELD =
      Pattern.compile("(leads|contacts|companies)\\[([a-z_]+)\\]\\[([0-9]{1,6})\\]\\[(.+)");
  private static final Pattern TOP = Pattern.compile("(leads|contacts|companies)\\[([a-z_]+)\\].*");
  private static final Pattern SECONDS = Pattern.compile("[0-9]{1,12}");

  public AmoCrmWebhook {
    changes = List.copyOf(changes);
  }

  private record Item(String entity, String action, String index) {}

  /**
   * Reads a delivery.
   *
   * @throws WebhookPayloadException when {@code account[subdomain]} is missing, an item of a read
   *     entity and action is malformed or has no numeric id, or its timestamp is not unix seconds
   */
  public static AmoCrmWebhook parse(FormFields form) {
    String subdomain =
        form.text("account[subdomain]")
            .orElseThrow(
                () ->
                    new WebhookPayloadException(
                        "MISSING_VALUE", "account[subdomain]", "no account subdomain"));
    String accountId = form.text("account[id]").orElse("");
    Map<Item, Map<String, String>> items = new LinkedHashMap<>();
    for (Map.Entry<String, String> field : form.asMap().entrySet()) {
      String name = field.getKey();
      Matcher top = TOP.matcher(name);
      if (!top.matches() || !ENTITIES.contains(top.group(1)) || !ACTIONS.contains(top.group(2))) {
        continue; // account[...], tasks, notes, unsorted, ...: not a change Revtrace reads
      }
      Matcher item = ITEM_FIELD.matcher(name);
      if (!item.matches()) {
        throw new WebhookPayloadException(
            "BAD_VALUE", name, "expected entity[action][index][field]");
      }
      String subfield = item.group(4);
      // "status_id]" -> "status_id"; nested fields keep their inner brackets.
      String key = subfield.endsWith("]") ? subfield.substring(0, subfield.length() - 1) : subfield;
      items
          .computeIfAbsent(
              new Item(item.group(1), item.group(2), item.group(3)), k -> new LinkedHashMap<>())
          .put(key, field.getValue());
    }
    List<WebhookChange> changes = new ArrayList<>();
    for (Map.Entry<Item, Map<String, String>> entry : items.entrySet()) {
      changes.add(change(entry.getKey(), entry.getValue()));
    }
    return new AmoCrmWebhook(accountId, subdomain, changes);
  }

  private static WebhookChange change(Item item, Map<String, String> fields) {
    String prefix = item.entity() + "[" + item.action() + "][" + item.index() + "]";
    String id = fields.getOrDefault("id", "").strip();
    if (id.isEmpty()) {
      throw new WebhookPayloadException("MISSING_VALUE", prefix + "[id]", "an item without id");
    }
    if (!WebhookChange.isRecordId(id)) {
      throw new WebhookPayloadException(
          "BAD_VALUE", prefix + "[id]", "the record id is not a number");
    }
    Instant occurredAt = null;
    // updated_at in current deliveries, last_modified in older ones.
    for (String name : List.of("updated_at", "last_modified")) {
      Optional<String> value = Optional.ofNullable(fields.get(name)).map(String::strip);
      if (value.isPresent() && !value.get().isEmpty()) {
        if (!SECONDS.matcher(value.get()).matches()) {
          throw new WebhookPayloadException(
              "BAD_VALUE", prefix + "[" + name + "]", "the timestamp is not unix seconds");
        }
        occurredAt = Instant.ofEpochSecond(Long.parseLong(value.get()));
        break;
      }
    }
    String entity =
        switch (item.entity()) {
          case "leads" -> "lead";
          case "companies" -> "company";
          default -> "company".equals(fields.get("type")) ? "company" : "contact";
        };
    String dedupe =
        occurredAt != null
            ? WebhookChange.byTimestamp(occurredAt)
            : WebhookChange.byContent(fields);
    return new WebhookChange(
        item.entity() + "[" + item.action() + "]", entity, item.action(), id, occurredAt, dedupe);
  }
}
