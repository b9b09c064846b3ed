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
}
