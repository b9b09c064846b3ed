package org.revtrace.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of money in minor units (kopecks, cents) of one ISO 4217 currency.
 *
 * <p>Money never uses {@code double}; arithmetic across currencies throws, and {@link #split} hands
 * out the remainder so that the parts always sum to the whole to the minor unit.
 */
public record Money(long minor, String currency) {

  public Money {
    Objects.requireNonNull(currency, "currency");
    if (!Currencies.isValidCode(currency)) {
      throw new IllegalArgumentException("not an ISO 4217 currency code: '" + currency + "'");
    }
  }

  /** Zero in the given currency. */
  public static Money zero(String currency) {
    return new Money(0, currency);
  }

  /**
   * Parses a decimal amount in major units ("1500.50") exactly; more fraction digits than the
   * currency has are rounded half-even.
   */
  public static Money parse(String decimal, String currency) {
    return ofMajor(new BigDecimal(decimal.trim()), currency);
  }

  /** Converts an amount in major units to minor units, rounding half-even. */
  public static Money ofMajor(BigDecimal major, String currency) {
    int digits = Currencies.fractionDigits(currency);
    return new Money(
        major.setScale(digits, RoundingMode.HALF_EVEN).movePointRight(digits).longValueExact(),
        currency);
  }

  /** This amount in major units, exactly. */
  public BigDecimal toMajor() {
    return BigDecimal.valueOf(minor, Currencies.fractionDigits(currency));
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(minor, other.minor), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.subtractExact(minor, other.minor), currency);
  }

  public boolean isZero() {
    return minor == 0;
  }

  /**
   * Splits this amount in proportion to non-negative weights by the largest-remainder method: each
   * part is the floor of its exact share, and the leftover minor units go one each to the parts
   * with the largest fractional remainders (ties to the lower index). The parts sum exactly to this
   * amount. All-zero weights are an error.
   */
  public long[] split(double[] weights) {
    return Allocation.largestRemainder(minor, weights);
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "cannot mix currencies " + currency + " and " + other.currency);
    }
  }

  @Override
  public String toString() {
    return toMajor().toPlainString() + " " + currency;
  }
}
