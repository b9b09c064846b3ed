package org.revtrace.ingest.connect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code application/x-www-form-urlencoded} body (RFC 1866 / WHATWG URL "application/x-www-
 * form-urlencoded parser"), the format in which Bitrix24 and amoCRM deliver their webhooks: {@code
 * name=value} pairs joined by {@code &}, {@code +} for a space and {@code %XX} for UTF-8 bytes.
 * Names keep the vendors' bracket notation as written ({@code data[FIELDS][ID]}); a name given
 * twice keeps its first value.
 */
public final class FormFields {

  private final Map<String, String> fields;

  private FormFields(Map<String, String> fields) {
    this.fields = fields;
  }

  /**
   * Decodes {@code body} (UTF-8).
   *
   * @throws WebhookPayloadException {@code BAD_ENCODING} when a {@code %} escape is malformed or
   *     the bytes are not UTF-8
   */
  public static FormFields parse(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') >= 0) {
      throw new WebhookPayloadException("BAD_ENCODING", "", "the body is not UTF-8");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      fields.putIfAbsent(name, value);
    }
    return new FormFields(fields);
  }

  private static String decode(String text) {
    try {
      return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new WebhookPayloadException(
          "BAD_ENCODING", "", "a malformed %-escape in the form body");
    }
  }

  /** The value of {@code name}, if present (possibly empty). */
  public Optional<String> get(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** The value of {@code name} stripped, if present and not blank. */
  public Optional<String> text(String name) {
    String value = fields.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /** Every name in body order. */
  public List<String> names() {
    return new ArrayList<>(fields.keySet());
  }

  /** Every field in body order. */
  public Map<String, String> asMap() {
    return java.util.Collections.unmodifiableMap(fields);
  }

  /** The number of fields. */
  public int size() {
    return fields.size();
  }
}
