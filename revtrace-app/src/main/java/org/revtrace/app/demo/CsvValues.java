package org.revtrace.app.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Locale-free text for CSV cells: ISO-8601 timestamps with a numeric offset, ISO dates and money
 * with a '.' separator. Written by hand because the default-locale formatters are exactly what the
 * ru_RU test run is meant to catch, and millions of rows make formatter objects show up in
 * profiles.
 */
final class CsvValues {

  static final ZoneOffset MOSCOW = ZoneOffset.ofHours(3);

  private CsvValues() {}

  /** {@code 2025-03-01T10:15:00+03:00} for an epoch second seen at the given offset. */
  static String timestamp(long epochSecond, ZoneOffset offset) {
    LocalDateTime time = LocalDateTime.ofEpochSecond(epochSecond, 0, offset);
    StringBuilder text = new StringBuilder(25);
    pad(text, time.getYear(), 4).append('-');
    pad(text, time.getMonthValue(), 2).append('-');
    pad(text, time.getDayOfMonth(), 2).append('T');
    pad(text, time.getHour(), 2).append(':');
    pad(text, time.getMinute(), 2).append(':');
    pad(text, time.getSecond(), 2);
    int seconds = offset.getTotalSeconds();
    text.append(seconds < 0 ? '-' : '+');
    int minutes = Math.abs(seconds) / 60;
    pad(text, minutes / 60, 2).append(':');
    pad(text, minutes % 60, 2);
    return text.toString();
  }

  /** {@code 2025-03-01}. */
  static String date(LocalDate date) {
    return date.toString();
  }

  /** Minor units as a decimal with two places: {@code -1234} becomes {@code -12.34}. */
  static String money(long minorUnits) {
    StringBuilder text = new StringBuilder(16);
    long absolute = Math.abs(minorUnits);
    if (minorUnits < 0) {
      text.append('-');
    }
    text.append(absolute / 100).append('.');
    return pad(text, (int) (absolute % 100), 2).toString();
  }

  /** A decimal rounded half-up to {@code scale} places, never in exponent notation. */
  static String decimal(double value, int scale) {
    return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).toPlainString();
  }

  private static StringBuilder pad(StringBuilder text, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      text.append('0');
    }
    return text.append(digits);
  }
}
