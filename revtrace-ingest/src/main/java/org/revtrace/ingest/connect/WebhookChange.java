package org.revtrace.ingest.connect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One change a CRM reported by webhook: which record, what happened, and the key that makes a
 * redelivery of the same report recognisable.
 *
 * <p>The {@code dedupe} part of the key is the vendor's timestamp when the delivery carries one
 * ({@code ts:1736405807}), else a SHA-256 over the change's own fields ({@code sha256:...}). So a
 * vendor retrying a delivery sends the same key, while a later change of the same record carries a
 * later timestamp (or other fields) and is a new event. Two changes of one record with the same
 * action in the same second of the vendor's clock share a key: the first is kept, and the later
 * state is still read, because the applier syncs the record's current state.
 *
 * @param event the vendor's event name ({@code ONCRMDEALUPDATE}, {@code leads[status]})
 * @param entity {@code lead}, {@code deal}, {@code contact} or {@code company}
 * @param action {@code add}, {@code update}, {@code delete}, or amoCRM's {@code status}, {@code
 *     restore}, {@code responsible}
 * @param id the record's id in the CRM (digits)
 * @param occurredAt the vendor's timestamp of the change; null when the delivery has none
 * @param dedupe {@code ts:<epoch seconds>} or {@code sha256:<hex>}
 */
public record WebhookChange(
    String event, String entity, String action, String id, Instant occurredAt, String dedupe) {

  private static final Pattern ID = Pattern.compile("[0-9]{1,19}");

  public WebhookChange {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(dedupe, "dedupe");
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a CRM record id is 1-19 digits, got: " + id);
    }
  }

  /** True for a deletion, which an incremental sync cannot see. */
  public boolean isDeletion() {
    return action.equals("delete");
  }

  /** True when {@code id} is a CRM record id (1-19 digits). */
  public static boolean isRecordId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** The dedupe part for a vendor timestamp. */
  public static String byTimestamp(Instant occurredAt) {
    return "ts:" + occurredAt.getEpochSecond();
  }

  /** The dedupe part for a change without a timestamp: SHA-256 over its fields in name order. */
  public static String byContent(Map<String, String> fields) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, String> field : new TreeMap<>(fields).entrySet()) {
        digest.update(field.getKey().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '=');
        digest.update(field.getValue().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '&');
      }
      return "sha256:" + HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
