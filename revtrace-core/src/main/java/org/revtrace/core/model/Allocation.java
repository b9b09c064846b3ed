package org.revtrace.core.model;

/** Splitting whole units in proportion to weights so that the parts sum exactly to the whole. */
public final class Allocation {

  private Allocation() {}

  /**
   * Largest-remainder (Hamilton) apportionment of {@code total} units over {@code weights}.
   *
   * <p>Each part gets the floor of {@code total × w_i / Σw}; the units still missing go one each to
   * the parts with the largest fractional remainders, ties to the lower index. Negative totals are
   * split as the negation of the split of their absolute value. Weights must be finite and
   * non-negative with a positive sum, unless {@code total} is zero.
   */
  public static long[] largestRemainder(long total, double[] weights) {
    long[] parts = new long[weights.length];
    if (total == 0) {
      return parts;
    }
    double sum = 0;
    for (double w : weights) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("weight must be finite and non-negative: " + w);
      }
      sum += w;
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException("cannot split " + total + " over all-zero weights");
    }
    long magnitude = Math.abs(total);
    double[] remainders = new double[weights.length];
    long given = 0;
    for (int i = 0; i < weights.length; i++) {
      double exact = magnitude * (weights[i] / sum);
      long floor = (long) Math.floor(exact);
      parts[i] = floor;
      remainders[i] = exact - floor;
      given += floor;
    }
    long missing = magnitude - given;
    // Floating error can make 'given' overshoot by a unit; take it back from the smallest
    // remainders.
    while (missing < 0) {
      int smallest = -1;
      for (int i = 0; i < parts.length; i++) {
        if (parts[i] > 0 && (smallest < 0 || remainders[i] < remainders[smallest])) {
          smallest = i;
        }
      }
      parts[smallest]--;
      remainders[smallest] += 1;
      missing++;
    }
    while (missing > 0) {
      int largest = 0;
      for (int i = 1; i < parts.length; i++) {
        if (remainders[i] > remainders[largest]) {
          largest = i;
        }
      }
      parts[largest]++;
      remainders[largest] = -1;
      missing--;
    }
    if (total < 0) {
      for (int i = 0; i < parts.length; i++) {
        parts[i] = -parts[i];
      }
    }
    return parts;
  }
}
