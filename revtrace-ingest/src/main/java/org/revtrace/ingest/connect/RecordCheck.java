package org.revtrace.ingest.connect;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.RowError;

/**
 * Checks the fields of one report record and then keeps or rejects it in a {@link SpendCollector}:
 * a record with any bad field is rejected with every problem found, so one pass reports them all.
 * Blank counts and costs mean zero (platforms omit zeros); a blank date is {@code MISSING_VALUE}.
 */
public final class RecordCheck {

  private final SpendCollector collector;
  private final long line;
  private final List<RowError> errors = new ArrayList<>();

  public RecordCheck(SpendCollector collector, long line) {
    this.collector = collector;
    this.line = line;
  }

  /** Adds a problem of the record. */
  public void fail(String field, ErrorCode code, String raw, String message) {
    errors.add(collector.error(line, field, code, raw, message));
  }

  /** A required day in one of the given formats; null (with an error) when absent or bad. */
  public LocalDate date(String field, String raw, DateTimeFormatter... formats) {
    String value = raw == null ? "" : raw.strip();
    if (value.isEmpty()) {
      fail(field, ErrorCode.MISSING_VALUE, "", "the day is required");
      return null;
    }
    for (DateTimeFormatter format : formats) {
      try {
        return LocalDate.parse(value, format);
      } catch (DateTimeParseException e) {
        // try the next format
      }
    }
    fail(field, ErrorCode.BAD_DATE, value, "not a day in the report's date format");
    return null;
  }

  /** A whole non-negative count; blank or {@code --} is 0. */
  public long count(String field, String raw, Function<String, BigDecimal> parser) {
    String value = raw == null ? "" : raw.strip();
    if (value.isEmpty() || value.equals("--")) {
      return 0;
    }
    BigDecimal number = parser.apply(value);
    if (number == null || number.stripTrailingZeros().scale() > 0) {
      fail(field, ErrorCode.BAD_NUMBER, value, "not a whole number");
      return 0;
    }
    if (number.signum() < 0) {
      fail(field, ErrorCode.NEGATIVE_VALUE, value, "a count cannot be negative");
      return 0;
    }
    try {
      return number.longValueExact();
    } catch (ArithmeticException e) {
      fail(field, ErrorCode.BAD_NUMBER, value, "out of range");
      return 0;
    }
  }

  /**
   * Conversions the platform counted: a non-negative decimal (fractional under data-driven
   * attribution); blank or {@code --} is 0. Kept to hundredths by {@code Spend}.
   */
  public BigDecimal conversions(String field, String raw, Function<String, BigDecimal> parser) {
    String value = raw == null ? "" : raw.strip();
    if (value.isEmpty() || value.equals("--")) {
      return BigDecimal.ZERO;
    }
    BigDecimal number = parser.apply(value);
    if (number == null) {
      fail(field, ErrorCode.BAD_NUMBER, value, "not a number of conversions");
      return BigDecimal.ZERO;
    }
    if (number.signum() < 0) {
      fail(field, ErrorCode.NEGATIVE_VALUE, value, "conversions cannot be negative");
      return BigDecimal.ZERO;
    }
    return number;
  }

  /** A non-negative cost in micro-units, rounded half-even to the minor unit; blank is 0. */
  public Money micros(String field, String raw) {
    String value = raw == null ? "" : raw.strip();
    if (value.isEmpty() || value.equals("--")) {
      return Money.zero(collector.currency());
    }
    Long micros = VendorNumbers.parseWhole(value.startsWith("-") ? value.substring(1) : value);
    if (micros == null) {
      fail(field, ErrorCode.BAD_NUMBER, value, "not a whole number of micro-units");
      return Money.zero(collector.currency());
    }
    if (value.startsWith("-")) {
      fail(field, ErrorCode.NEGATIVE_VALUE, value, "spend cannot be negative");
      return Money.zero(collector.currency());
    }
    return VendorNumbers.fromMicros(micros, collector.currency());
  }

  /** A non-negative cost in major units, rounded half-even to the minor unit; blank is 0. */
  public Money amount(String field, String raw, Function<String, BigDecimal> parser) {
    String value = raw == null ? "" : raw.strip();
    if (value.isEmpty() || value.equals("--")) {
      return Money.zero(collector.currency());
    }
    BigDecimal number = parser.apply(value);
    if (number == null) {
      fail(field, ErrorCode.BAD_NUMBER, value, "not an amount");
      return Money.zero(collector.currency());
    }
    if (number.signum() < 0) {
      fail(field, ErrorCode.NEGATIVE_VALUE, value, "spend cannot be negative");
      return Money.zero(collector.currency());
    }
    return VendorNumbers.fromMajor(number, collector.currency());
  }

  /** Checks that the record names its campaign by id or name. */
  public void campaign(String field, String id, String name) {
    if ((id == null || id.isBlank()) && (name == null || name.isBlank())) {
      fail(field, ErrorCode.MISSING_VALUE, "", "the campaign id or name is required");
    }
  }

  /** Keeps the record when no problem was found, else rejects it with its problems. */
  public void finish(
      List<String> fields,
      LocalDate date,
      String campaignId,
      String campaignName,
      long impressions,
      long clicks,
      Money cost) {
    finish(fields, date, campaignId, campaignName, impressions, clicks, cost, null);
  }

  /**
   * Keeps the record with the platform's conversions (null: the report has no such field) when no
   * problem was found, else rejects it with its problems.
   */
  public void finish(
      List<String> fields,
      LocalDate date,
      String campaignId,
      String campaignName,
      long impressions,
      long clicks,
      Money cost,
      BigDecimal conversions) {
    if (errors.isEmpty()) {
      collector.keep(line, date, campaignId, campaignName, impressions, clicks, cost, conversions);
    } else {
      collector.reject(line, fields, errors);
    }
  }
}
