package org.revtrace.ingest.connect;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.revtrace.core.model.Currencies;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.RowError;
import tools.jackson.databind.JsonNode;

/**
 * One record of an API answer being mapped to canonical form. Its readers return null for an absent
 * or bad value and report a bad one as a {@link RowError} naming the source (e.g. {@code
 * bitrix24:crm.deal.list}), the record's 1-based position in the answers, the API field and the raw
 * value; {@link #isValid()} then tells the mapper to drop the record.
 */
public final class ApiRecord {

  private final JsonNode node;
  private final String file;
  private final long line;
  private final List<RowError> errors;
  private boolean valid = true;

  public ApiRecord(JsonNode node, String file, long line, List<RowError> errors) {
    this.node = Objects.requireNonNull(node, "node");
    this.file = Objects.requireNonNull(file, "file");
    this.line = line;
    this.errors = errors;
  }

  public JsonNode node() {
    return node;
  }

  public String file() {
    return file;
  }

  public long line() {
    return line;
  }

  /** False once a reader reported an error that makes the record unusable. */
  public boolean isValid() {
    return valid;
  }

  /** Reports a problem with the record and marks it invalid. */
  public void reject(String field, ErrorCode code, String raw, String message) {
    valid = false;
    errors.add(new RowError(file, line, field, code, raw, message));
  }

  /** The field as text (numbers and flags as written), or null when absent, null or blank. */
  public String text(String field) {
    return text(node.get(field));
  }

  /** The text of a scalar node, or null when absent, null, blank or not a scalar. */
  public static String text(JsonNode value) {
    if (value == null || value.isNull() || !value.isValueNode()) {
      return null;
    }
    String text = value.asString().strip();
    return text.isEmpty() ? null : text;
  }

  /**
   * The field as a link to another record's id: absent, blank, not a scalar and {@code "0"}
   * (Bitrix24's "no link") are null.
   */
  public String reference(String field) {
    String text = text(field);
    return text == null || text.equals("0") ? null : text;
  }

  /** A field that must be present; a missing one is {@code MISSING_VALUE}. */
  public String requiredText(String field) {
    String text = text(field);
    if (text == null) {
      reject(field, ErrorCode.MISSING_VALUE, raw(field), "required field is absent or blank");
    }
    return text;
  }

  /** An ISO-8601 timestamp with offset, or null when absent; a bad one is {@code BAD_TIMESTAMP}. */
  public Instant time(String field) {
    String text = text(field);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      reject(field, ErrorCode.BAD_TIMESTAMP, text, "expected ISO-8601 with offset");
      return null;
    }
  }

  /** A required ISO-8601 timestamp with offset. */
  public Instant requiredTime(String field) {
    return text(field) == null ? missing(field) : time(field);
  }

  /** Unix seconds, or null when absent; a bad one is {@code BAD_TIMESTAMP}. */
  public Instant epochSeconds(String field) {
    String text = text(field);
    if (text == null) {
      return null;
    }
    if (!text.matches("-?\\d{1,12}")) {
      reject(field, ErrorCode.BAD_TIMESTAMP, text, "expected unix seconds");
      return null;
    }
    return Instant.ofEpochSecond(Long.parseLong(text));
  }

  /** Required unix seconds. */
  public Instant requiredEpochSeconds(String field) {
    return text(field) == null ? missing(field) : epochSeconds(field);
  }

  /**
   * An amount in major units ({@code "15000.50"}, or a JSON number) parsed exactly into minor
   * units; absent or blank is zero. Errors: {@code BAD_CURRENCY} for a currency that is not ISO
   * 4217, {@code BAD_NUMBER} for text that is not a decimal or is out of range, {@code
   * NEGATIVE_VALUE} below zero.
   */
  public Money money(String field, String currency, String currencyField) {
    if (currency == null || !Currencies.isValidCode(currency)) {
      reject(currencyField, ErrorCode.BAD_CURRENCY, currency, "not an ISO 4217 currency code");
      return null;
    }
    JsonNode value = node.get(field);
    String text = text(value);
    if (text == null) {
      return Money.zero(currency);
    }
    BigDecimal major;
    try {
      major = value.isNumber() ? value.decimalValue() : new BigDecimal(text);
    } catch (NumberFormatException e) {
      reject(field, ErrorCode.BAD_NUMBER, text, "expected a decimal number with a '.' separator");
      return null;
    }
    if (major.signum() < 0) {
      reject(field, ErrorCode.NEGATIVE_VALUE, text, "an amount must not be negative");
      return null;
    }
    try {
      return Money.ofMajor(major, currency);
    } catch (ArithmeticException e) {
      reject(field, ErrorCode.BAD_NUMBER, text, "amount out of range");
      return null;
    }
  }

  private Instant missing(String field) {
    reject(field, ErrorCode.MISSING_VALUE, raw(field), "required field is absent or blank");
    return null;
  }

  private String raw(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? "" : value.toString();
  }
}
