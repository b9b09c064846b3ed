package org.revtrace.core.funnel;

import java.util.OptionalDouble;

/**
 * An exact ratio of two counts, kept as counts so a reader can check it by hand.
 *
 * @param numerator how many qualified
 * @param denominator out of how many; 0 makes the ratio undefined
 */
public record Ratio(long numerator, long denominator) {

  public Ratio {
    if (numerator < 0 || denominator < 0) {
      throw new IllegalArgumentException(
          "negative ratio terms: " + numerator + " / " + denominator);
    }
  }

  /** The fraction, or empty when the denominator is 0. */
  public OptionalDouble value() {
    return denominator == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) numerator / denominator);
  }

  /** The fraction, or {@code fallback} when the denominator is 0. */
  public double valueOr(double fallback) {
    return value().orElse(fallback);
  }
}
