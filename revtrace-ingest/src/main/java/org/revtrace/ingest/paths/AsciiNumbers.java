package org.revtrace.ingest.paths;

import java.nio.charset.StandardCharsets;

/** Parses counts and decimal values straight from ASCII bytes, locale-free. */
final class AsciiNumbers {
  /** Returned by {@link #parseCount} for text that is not a whole number. */
  static final long NOT_A_NUMBER = -1;

  /** Returned by {@link #parseCount} for a well-formed negative whole number. */
  static final long NEGATIVE = -2;

  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10; // exact up to 1e22
    }
  }

  private AsciiNumbers() {}

  /**
   * Parses a non-negative whole number, allowing a {@code +} sign and a zero fraction ({@code
   * "3.0"}, as pandas writes counts); returns {@link #NEGATIVE} or {@link #NOT_A_NUMBER}.
   */
  static long parseCount(byte[] bytes, int from, int to) {
    boolean negative = false;
    int i = from;
    if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
      negative = bytes[i] == '-';
      i++;
    }
    if (i == to || !isDigit(bytes[i])) {
      return NOT_A_NUMBER;
    }
    long value = 0;
    for (; i < to && isDigit(bytes[i]); i++) {
      if (value > (Long.MAX_VALUE - 9) / 10) {
        return NOT_A_NUMBER;
      }
      value = value * 10 + (bytes[i] - '0');
    }
    if (i < to && bytes[i] == '.') {
      for (i++; i < to && bytes[i] == '0'; i++) {
        // only a zero fraction is a whole number
      }
    }
    if (i != to) {
      return NOT_A_NUMBER;
    }
    return negative && value != 0 ? NEGATIVE : value;
  }

  /**
   * Parses a decimal number; returns NaN for anything that is not a finite number.
   *
   * <p>Fast path: at most 15 significant digits and 22 fraction digits give an exactly
   * representable mantissa and power of ten, so one division is correctly rounded (IEEE 754), the
   * same result as {@link Double#parseDouble}; everything else goes to {@link Double#parseDouble}.
   */
  static double parseValue(byte[] bytes, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
      negative = bytes[i] == '-';
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int fraction = 0;
    boolean seenPoint = false;
    int start = i;
    for (; i < to; i++) {
      byte b = bytes[i];
      if (isDigit(b)) {
        mantissa = mantissa * 10 + (b - '0');
        if (mantissa != 0) {
          digits++;
        }
        if (seenPoint) {
          fraction++;
        }
      } else if (b == '.' && !seenPoint) {
        seenPoint = true;
      } else {
        break;
      }
    }
    boolean plain = i == to && i > start && !(seenPoint && i - start == 1);
    if (plain && digits <= 15 && fraction < POWERS_OF_TEN.length) {
      double value = mantissa / POWERS_OF_TEN[fraction];
      return negative ? -value : value;
    }
    return parseSlowly(bytes, from, to);
  }

  private static double parseSlowly(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (!(isDigit(b) || b == '.' || b == '-' || b == '+' || b == 'e' || b == 'E')) {
        return Double.NaN; // rejects "NaN", "Infinity", hex and type suffixes
      }
    }
    try {
      double value =
          Double.parseDouble(new String(bytes, from, to - from, StandardCharsets.US_ASCII));
      return Double.isInfinite(value) ? Double.NaN : value;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }
}
