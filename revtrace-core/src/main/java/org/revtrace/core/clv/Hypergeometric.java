package org.revtrace.core.clv;

/** Gauss hypergeometric function ₂F₁(a, b; c; z) by its power series, for 0 ≤ z < 1. */
final class Hypergeometric {

  private static final int MAX_TERMS = 1_000_000;

  private Hypergeometric() {}

  /**
   * ₂F₁(a, b; c; z) = Σ_k (a)_k (b)_k / ((c)_k k!) z^k (Abramowitz &amp; Stegun 15.1.1), summed
   * until the terms shrink and one no longer changes the sum; {@code a, b, c > 0} and {@code 0 ≤ z
   * < 1}.
   */
  static double f21(double a, double b, double c, double z) {
    if (!(z >= 0 && z < 1)) {
      throw new IllegalArgumentException("z outside [0, 1): " + z);
    }
    double term = 1;
    double sum = 1;
    for (int k = 0; k < MAX_TERMS; k++) {
      double ratio = (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
      term *= ratio;
      double next = sum + term;
      if (next == sum && ratio < 1) {
        return sum;
      }
      sum = next;
    }
    return sum;
  }
}
