package org.revtrace.ingest.canonical;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.revtrace.core.model.Currencies;
import org.revtrace.core.model.Money;

/**
 * Strict, allocation-light parsers of canonical field values; each returns null when the text does
 * not parse, so the caller decides which error code to report.
 */
final class FieldParsers {

  private FieldParsers() {}

  /**
   * Parses {@code yyyy-MM-dd}, {@code yyyy-MM-ddTHH:mm[:ss[.fraction]]} with an optional offset
   * ({@code Z}, {@code +03:00}, {@code +0300}, {@code +03}); a space may replace the {@code T}.
   * Text without an offset is read in {@code zone} (in a DST gap the clock moves forward).
   */
  static Instant instant(String text, ZoneId zone) {
    int length = text.length();
    LocalDate date = date(text, 0);
    if (date == null) {
      return null;
    }
    if (length == 10) {
      return date.atStartOfDay(zone).toInstant();
    }
    char separator = text.charAt(10);
    if ((separator != 'T' && separator != ' ') || length < 16 || text.charAt(13) != ':') {
      return null;
    }
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = 0;
    int nanos = 0;
    int position = 16;
    if (position < length && text.charAt(position) == ':') {
      second = digits(text, 17, 2);
      position = 19;
      if (position < length && text.charAt(position) == '.') {
        int start = ++position;
        while (position < length && isDigit(text.charAt(position))) {
          position++;
        }
        int count = position - start;
        if (count == 0 || count > 9) {
          return null;
        }
        nanos = digits(text, start, count);
        for (int i = count; i < 9; i++) {
          nanos *= 10;
        }
      }
    }
    if (hour < 0 || minute < 0 || second < 0 || nanos < 0 || position > length) {
      return null;
    }
    if (hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    if (position == length) {
      return LocalDateTime.of(date.getYear(), date.getMonth(), date.getDayOfMonth(), hour, minute)
          .withSecond(second)
          .withNano(nanos)
          .atZone(zone)
          .toInstant();
    }
    int offsetSeconds = offsetSeconds(text, position);
    if (offsetSeconds == Integer.MIN_VALUE) {
      return fallback(text);
    }
    long epochSecond =
        date.toEpochDay() * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    return Instant.ofEpochSecond(epochSecond, nanos);
  }

  /** Parses {@code yyyy-MM-dd} exactly (10 characters). */
  static LocalDate date(String text) {
    return text.length() == 10 ? date(text, 0) : null;
  }

  private static LocalDate date(String text, int from) {
    if (text.length() < from + 10 || text.charAt(from + 4) != '-' || text.charAt(from + 7) != '-') {
      return null;
    }
    int year = digits(text, from, 4);
    int month = digits(text, from + 5, 2);
    int day = digits(text, from + 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null; // 2025-02-30 and the like
    }
  }

  /** Offset in seconds at {@code from}, or {@code Integer.MIN_VALUE} when it is not one. */
  private static int offsetSeconds(String text, int from) {
    int remaining = text.length() - from;
    char sign = text.charAt(from);
    if (remaining == 1 && (sign == 'Z' || sign == 'z')) {
      return 0;
    }
    if (sign != '+' && sign != '-') {
      return Integer.MIN_VALUE;
    }
    int hours;
    int minutes;
    if (remaining == 3) {
      hours = digits(text, from + 1, 2);
      minutes = 0;
    } else if (remaining == 5) {
      hours = digits(text, from + 1, 2);
      minutes = digits(text, from + 3, 2);
    } else if (remaining == 6 && text.charAt(from + 3) == ':') {
      hours = digits(text, from + 1, 2);
      minutes = digits(text, from + 4, 2);
    } else {
      return Integer.MIN_VALUE;
    }
    if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
      return Integer.MIN_VALUE;
    }
    int seconds = hours * 3600 + minutes * 60;
    return sign == '-' ? -seconds : seconds;
  }

  /** The general ISO parser, for offsets the fast path does not know (e.g. seconds in offsets). */
  private static Instant fallback(String text) {
    try {
      return OffsetDateTime.parse(text.replace(' ', 'T'), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
          .toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Value of {@code count} ASCII digits at {@code from}, or -1. */
  private static int digits(String text, int from, int count) {
    if (from + count > text.length()) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * True when the text is a plain decimal: optional {@code -}, digits, optionally {@code .} and
   * digits. No exponent, no grouping, no decimal comma.
   */
  static boolean isPlainDecimal(String text) {
    int length = text.length();
    int i = length > 0 && text.charAt(0) == '-' ? 1 : 0;
    int integerDigits = 0;
    while (i < length && isDigit(text.charAt(i))) {
      i++;
      integerDigits++;
    }
    if (integerDigits == 0) {
      return false;
    }
    if (i == length) {
      return true;
    }
    if (text.charAt(i) != '.') {
      return false;
    }
    int fractionStart = ++i;
    while (i < length && isDigit(text.charAt(i))) {
      i++;
    }
    return i == length && i > fractionStart;
  }

  /**
   * Money from a plain decimal in major units; extra fraction digits are rounded half-even, as
   * {@link Money#parse} does. Returns null when not a plain decimal or out of range.
   */
  static Money money(String text, String currency) {
    if (!isPlainDecimal(text)) {
      return null;
    }
    int digits = Currencies.fractionDigits(currency);
    int dot = text.indexOf('.');
    int fraction = dot < 0 ? 0 : text.length() - dot - 1;
    if (text.length() <= 15 && fraction <= digits) {
      // Fast path: fits a long exactly, no rounding.
      long minor = 0;
      boolean negative = text.charAt(0) == '-';
      for (int i = negative ? 1 : 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c != '.') {
          minor = minor * 10 + (c - '0');
        }
      }
      for (int i = fraction; i < digits; i++) {
        minor *= 10;
      }
      return new Money(negative ? -minor : minor, currency);
    }
    try {
      return Money.ofMajor(new BigDecimal(text), currency);
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** A non-negative whole count (digits only), or -1. */
  static long count(String text) {
    if (text.isEmpty() || text.length() > 18) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** A plain decimal as BigDecimal, or null. */
  static BigDecimal decimal(String text) {
    return isPlainDecimal(text) ? new BigDecimal(text) : null;
  }
}
