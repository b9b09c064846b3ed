package org.revtrace.ingest.canonical;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.revtrace.core.model.Currencies;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.RowError;

/**
 * One data row in canonical column order, with typed accessors that record a {@link RowError}
 * (naming the source column) instead of throwing. Reused across rows to spare allocation.
 */
final class Row {

  private final CanonicalFile kind;
  private final String file;
  private final ZoneId zone;
  private final String defaultCurrency;
  private final String[] sourceNames;
  private final List<RowError> errors = new ArrayList<>();
  private String[] values;
  private long line;

  Row(CanonicalFile kind, String file, ZoneId zone, String defaultCurrency, String[] sourceNames) {
    this.kind = kind;
    this.file = file;
    this.zone = zone;
    this.defaultCurrency = defaultCurrency;
    this.sourceNames = sourceNames.clone();
  }

  /** Points this row at new values (canonical order, null for absent columns). */
  void reset(long lineNumber, String[] canonicalValues) {
    this.line = lineNumber;
    this.values = canonicalValues;
    errors.clear();
  }

  List<RowError> errors() {
    return errors;
  }

  boolean hasErrors() {
    return !errors.isEmpty();
  }

  long line() {
    return line;
  }

  /**
   * The value without leading and trailing whitespace, or null when absent or blank. Whitespace is
   * {@link Character#isWhitespace} ({@link String#strip}), not only ASCII ({@code trim}): the
   * records treat such text as blank, so a required value of U+3000 alone must be missing here
   * rather than fail a record's constructor.
   */
  String text(String column) {
    String value = values[index(column)];
    if (value == null) {
      return null;
    }
    String stripped = value.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  /** The stripped value; a blank one is reported as MISSING_VALUE. */
  String required(String column) {
    String value = text(column);
    if (value == null) {
      error(column, ErrorCode.MISSING_VALUE, "", "a value is required");
    }
    return value;
  }

  Instant timestamp(String column, boolean required) {
    String value = required ? required(column) : text(column);
    if (value == null) {
      return null;
    }
    Instant instant = FieldParsers.instant(value, zone);
    if (instant == null) {
      error(
          column,
          ErrorCode.BAD_TIMESTAMP,
          value,
          "expected ISO-8601 such as 2025-03-01T10:15:00+03:00, or a local date-time or date");
    }
    return instant;
  }

  LocalDate date(String column) {
    String value = required(column);
    if (value == null) {
      return null;
    }
    LocalDate date = FieldParsers.date(value);
    if (date == null) {
      error(column, ErrorCode.BAD_DATE, value, "expected a date YYYY-MM-DD");
    }
    return date;
  }

  /** The ISO currency of the row: the column if given (case-insensitive), else the default. */
  String currency(String column) {
    String value = text(column);
    if (value == null) {
      return defaultCurrency;
    }
    String code = value.toUpperCase(Locale.ROOT);
    if (!Currencies.isValidCode(code)) {
      error(column, ErrorCode.BAD_CURRENCY, value, "expected an ISO 4217 code such as RUB");
      return null;
    }
    return code;
  }

  /** A required money amount; {@code currency} null means it was bad and already reported. */
  Money money(String column, String currency, boolean negativeAllowed) {
    String value = required(column);
    if (value == null || currency == null) {
      return null;
    }
    Money money = FieldParsers.money(value, currency);
    if (money == null) {
      badNumber(column, value);
      return null;
    }
    if (!negativeAllowed && money.minor() < 0) {
      error(column, ErrorCode.NEGATIVE_VALUE, value, "must not be negative");
      return null;
    }
    return money;
  }

  /** An optional non-negative whole count; blank is 0. */
  long count(String column) {
    String value = text(column);
    if (value == null) {
      return 0;
    }
    long count = FieldParsers.count(value);
    if (count < 0) {
      if (value.startsWith("-") && FieldParsers.count(value.substring(1)) >= 0) {
        error(column, ErrorCode.NEGATIVE_VALUE, value, "must not be negative");
      } else {
        error(column, ErrorCode.BAD_NUMBER, value, "expected a whole number");
      }
      return 0;
    }
    return count;
  }

  /** An optional non-negative decimal; blank is null (not given). */
  BigDecimal optionalDecimal(String column) {
    String value = text(column);
    if (value == null) {
      return null;
    }
    BigDecimal decimal = FieldParsers.decimal(value);
    if (decimal == null) {
      badNumber(column, value);
      return null;
    }
    if (decimal.signum() < 0) {
      error(column, ErrorCode.NEGATIVE_VALUE, value, "must not be negative");
      return null;
    }
    return decimal;
  }

  /** A required positive decimal. */
  BigDecimal positiveDecimal(String column) {
    String value = required(column);
    if (value == null) {
      return null;
    }
    BigDecimal decimal = FieldParsers.decimal(value);
    if (decimal == null) {
      badNumber(column, value);
      return null;
    }
    if (decimal.signum() <= 0) {
      error(column, ErrorCode.NEGATIVE_VALUE, value, "must be positive");
      return null;
    }
    return decimal;
  }

  private void badNumber(String column, String value) {
    String reason =
        value.indexOf(',') >= 0
            ? "decimal separator must be '.', not ','"
            : "expected a plain decimal number such as 1500.50";
    error(column, ErrorCode.BAD_NUMBER, value, reason);
  }

  /** Records an error on a column of this row, named as in the source. */
  void error(String column, ErrorCode code, String raw, String message) {
    errors.add(new RowError(file, line, sourceNames[index(column)], code, raw, message));
  }

  /** Records an error on the whole row. */
  void rowError(ErrorCode code, String raw, String message) {
    errors.add(new RowError(file, line, "", code, raw, message));
  }

  private int index(String column) {
    int index = kind.indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException(kind.fileName() + " has no column " + column);
    }
    return index;
  }
}
