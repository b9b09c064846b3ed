package org.revtrace.ingest.connect;

import java.math.BigDecimal;
import org.revtrace.core.model.Money;

/**
 * Numbers as ad platforms write them, and the one money rounding rule of the connectors.
 *
 * <p>Rounding: an amount with more fraction digits than the currency has (micros, or VK's six-digit
 * decimals) is rounded <b>half-even</b> to the minor unit, per record. A report total is compared
 * with the sum of the rounded records; where the platform itself shows amounts to the minor unit
 * (UI exports) the two agree exactly.
 */
public final class VendorNumbers {

  private VendorNumbers() {}

  /** Micro-units (amount × 1,000,000) to money, rounded half-even to the minor unit. */
  public static Money fromMicros(long micros, String currency) {
    return Money.ofMajor(BigDecimal.valueOf(micros, 6), currency);
  }

  /** Exact micro-units of a money amount (for totals given in micros). */
  public static long toMicros(Money money) {
    return money.toMajor().movePointRight(6).longValueExact();
  }

  /** A decimal in major units, rounded half-even to the minor unit. */
  public static Money fromMajor(BigDecimal major, String currency) {
    return Money.ofMajor(major, currency);
  }

  /**
   * A whole non-negative count or micro amount written as plain digits ({@code "12578"}); null when
   * it is not one.
   */
  public static Long parseWhole(String text) {
    String value = text.strip();
    if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
      return null;
    }
    return Long.parseLong(value);
  }

  /** A plain decimal with a {@code .} separator ({@code "123.45"}); null when it is not one. */
  public static BigDecimal parsePlainDecimal(String text) {
    String value = text.strip();
    if (!value.matches("-?\\d{1,18}(\\.\\d{1,12})?")) {
      return null;
    }
    return new BigDecimal(value);
  }

  /**
   * A number as a report UI writes it for people: thousands separated by {@code ,} (English) or by
   * a space, no-break or narrow no-break space (Russian), the decimal separator {@code .} (English)
   * or {@code ,} (Russian), Null when the text is not such a number.
   *
   * @param decimalComma true when the report's language writes decimals with a comma
   */
  public static BigDecimal parseLocalized(String text, boolean decimalComma) {
    String value = text.strip();
    StringBuilder plain = new StringBuilder(value.length());
    char decimal = decimalComma ? ',' : '.';
    boolean seenDecimal = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isDigit(c)) {
        plain.append(c);
      } else if (c == decimal && !seenDecimal) {
        plain.append('.');
        seenDecimal = true;
      } else if (c == '-' && i == 0) {
        plain.append(c);
      } else if (seenDecimal || !isGroupSeparator(c, decimalComma)) {
        return null;
      }
    }
    return parsePlainDecimal(plain.toString());
  }

  private static boolean isGroupSeparator(char c, boolean decimalComma) {
    return decimalComma
        ? c == ' ' || c == '\u00A0' || c == '\u202F'
        : c == ',' || c == '\u00A0' || c == ' ';
  }
}
