package org.revtrace.ingest.bitrix24;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.revtrace.ingest.connect.FormFields;
import org.revtrace.ingest.connect.WebhookChange;
import org.revtrace.ingest.connect.WebhookPayloadException;

/**
 * One delivery of a Bitrix24 event handler (an outbound webhook, "Исходящий вебхук", or an
 * application's {@code event.bind}), posted form-encoded:
 *
 * <pre>
 * event=ONCRMDEALUPDATE&amp;event_handler_id=201&amp;data[FIELDS][ID]=759&amp;ts=1736405807
 * &amp;auth[domain]=example.bitrix24.ru&amp;auth[member_id]=...&amp;auth[application_token]=...
 * </pre>
 *
 * The CRM events Revtrace applies are {@code ONCRM(LEAD|DEAL|CONTACT|COMPANY)(ADD|UPDATE|DELETE)};
 * their {@code data[FIELDS][ID]} names the record. Any other event (an activity, {@code ONAPPTEST})
 * is read as a delivery with no change. {@code auth[application_token]} authenticates the delivery
 * ({@link #applicationToken}); it is never part of this record.
 *
 * @param event the event name in upper case
 * @param domain the portal ({@code auth[domain]}), empty when absent
 * @param changes the one change of a CRM event, or none for other events
 */
public record Bitrix24Event(String event, String domain, List<WebhookChange> changes) {

  /** The source name of Bitrix24 webhook events. */
  public static final String SOURCE = "bitrix24";

  private static final Pattern CRM_EVENT =
      Pattern.compile("ONCRM(LEAD|DEAL|CONTACT|COMPANY)(ADD|UPDATE|DELETE)");
  private static final Pattern EVENT_NAME = Pattern.compile("[A-Z0-9_.]{1,100}");
  private static final Pattern SECONDS = Pattern.compile("[0-9]{1,12}");

  public Bitrix24Event {
    changes = List.copyOf(changes);
  }

  /** The {@code auth[application_token]} of a delivery, if it has one. */
  public static Optional<String> applicationToken(FormFields form) {
    return form.text("auth[application_token]");
  }

  /**
   * Reads a delivery (its authentication is checked apart, see {@link #applicationToken}).
   *
   * @throws WebhookPayloadException when the event name, the record id or the timestamp is missing
   *     or malformed (the message names the field; values of {@code auth[...]} never appear)
   */
  public static Bitrix24Event parse(FormFields form) {
    String event =
        form.text("event")
            .map(name -> name.toUpperCase(Locale.ROOT))
            .orElseThrow(
                () -> new WebhookPayloadException("MISSING_VALUE", "event", "no event name"));
    if (!EVENT_NAME.matcher(event).matches()) {
      throw new WebhookPayloadException(
          "BAD_VALUE", "event", "the event name is not a Bitrix24 event code");
    }
    String domain = form.text("auth[domain]").orElse("");
    Matcher crm = CRM_EVENT.matcher(event);
    if (!crm.matches()) {
      return new Bitrix24Event(event, domain, List.of());
    }
    String id =
        form.text("data[FIELDS][ID]")
            .orElseThrow(
                () ->
                    new WebhookPayloadException(
                        "MISSING_VALUE", "data[FIELDS][ID]", event + " without a record id"));
    if (!WebhookChange.isRecordId(id)) {
      throw new WebhookPayloadException(
          "BAD_VALUE", "data[FIELDS][ID]", "the record id is not a number: " + shortened(id));
    }
    Instant occurredAt = null;
    Optional<String> ts = form.text("ts");
    if (ts.isPresent()) {
      if (!SECONDS.matcher(ts.get()).matches()) {
        throw new WebhookPayloadException(
            "BAD_VALUE", "ts", "the timestamp is not unix seconds: " + shortened(ts.get()));
      }
      occurredAt = Instant.ofEpochSecond(Long.parseLong(ts.get()));
    }
    String entity = crm.group(1).toLowerCase(Locale.ROOT);
    String action = crm.group(2).toLowerCase(Locale.ROOT);
    String dedupe;
    if (occurredAt != null) {
      dedupe = WebhookChange.byTimestamp(occurredAt);
    } else {
      // Without ts (the documentation always shows one) the content is the key: everything but
      // the authentication, which is the same on every delivery.
      Map<String, String> content = new LinkedHashMap<>(form.asMap());
      content.keySet().removeIf(name -> name.startsWith("auth["));
      dedupe = WebhookChange.byContent(content);
    }
    return new Bitrix24Event(
        event, domain, List.of(new WebhookChange(event, entity, action, id, occurredAt, dedupe)));
  }

  private static String shortened(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }
}
