package org.revtrace.core.model;

import java.util.Currency;

/** ISO 4217 facts the money code needs: valid codes and the number of minor-unit digits. */
public final class Currencies {

  private Currencies() {}

  /** True for a three-letter upper-case code known to the JDK's ISO 4217 table. */
  public static boolean isValidCode(String code) {
    if (code == null || code.length() != 3) {
      return false;
    }
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Minor-unit digits (2 for RUB, USD, EUR; 0 for JPY); 2 when ISO gives none. */
  public static int fractionDigits(String code) {
    int digits = Currency.getInstance(code).getDefaultFractionDigits();
    return digits < 0 ? 2 : digits;
  }

  /**
   * An amount in minor units that may be fractional (a per-unit cost such as CAC) as money in major
   * units, rounded half-even to the currency's digits; null stays null.
   */
  public static java.math.BigDecimal majorUnits(Double minor, String currency) {
    if (minor == null) {
      return null;
    }
    int digits = fractionDigits(currency);
    return java.math.BigDecimal.valueOf(minor)
        .movePointLeft(digits)
        .setScale(digits, java.math.RoundingMode.HALF_EVEN);
  }
}
