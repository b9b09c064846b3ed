package org.revtrace.core.attribution;

import org.revtrace.core.model.Allocation;

/** Turns fractional money credits into minor units that sum exactly to the total. */
final class Apportion {

  private Apportion() {}

  static long[] exactly(long total, double[] credits) {
    if (total == 0) {
      return new long[credits.length];
    }
    double[] weights = new double[credits.length];
    for (int i = 0; i < credits.length; i++) {
      // Credits share the total's sign; a tiny opposite sign can only be floating error.
      weights[i] = Math.max(0, total > 0 ? credits[i] : -credits[i]);
    }
    return Allocation.largestRemainder(total, weights);
  }
}
