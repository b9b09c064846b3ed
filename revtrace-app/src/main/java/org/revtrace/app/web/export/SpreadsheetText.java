package org.revtrace.app.web.export;

import java.math.BigDecimal;

/**
 * Cell values for spreadsheets. Text from the data that a spreadsheet would read as a formula
 * (starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) gets a
 * leading apostrophe, as the OWASP CSV-injection advice says; numbers are never touched, so a
 * negative ROI stays a number.
 */
public final class SpreadsheetText {

  private SpreadsheetText() {}

  /** {@code text}, prefixed with {@code '} when a spreadsheet would run it as a formula. */
  public static String neutralized(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    return switch (text.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
      default -> text;
    };
  }

  /** A number as plain decimal text, never in exponent notation. */
  static String plain(Number number) {
    if (number instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (number instanceof Double || number instanceof Float) {
      return BigDecimal.valueOf(number.doubleValue()).stripTrailingZeros().toPlainString();
    }
    return number.toString();
  }
}
