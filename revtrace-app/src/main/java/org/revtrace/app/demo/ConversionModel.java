package org.revtrace.app.demo;

/**
 * The planted generative model of winning an account.
 *
 * <p>An account exposed to the set S of channels wins with probability {@code p(S) = 1 − (1 − base)
 * × Π_{c ∈ S} (1 − lift_c)}: every channel independently gets a chance {@code lift_c} to "convince"
 * the account, on top of a base rate. Order and touch counts do not matter, only which distinct
 * channels were touched. Sets are bit masks over catalog indices.
 */
final class ConversionModel {

  private final double base;
  private final double[] lifts;

  ConversionModel(double base, double[] lifts) {
    if (base < 0 || base >= 1) {
      throw new IllegalArgumentException("base must be in [0, 1): " + base);
    }
    if (lifts.length > Long.SIZE) {
      throw new IllegalArgumentException("at most 64 channels, got " + lifts.length);
    }
    this.base = base;
    this.lifts = lifts.clone();
  }

  /** {@code p(S)} for the channels in {@code mask}. */
  double probability(long mask) {
    double notWon = 1 - base;
    for (long rest = mask; rest != 0; rest &= rest - 1) {
      notWon *= 1 - lifts[Long.numberOfTrailingZeros(rest)];
    }
    return 1 - notWon;
  }

  /**
   * {@code p(S) − p(S \ {c})}: the conversion probability lost if channel {@code c} were removed
   * from the exposure set; 0 when c is not in S.
   */
  double marginal(long mask, int channel) {
    long bit = 1L << channel;
    if ((mask & bit) == 0) {
      return 0;
    }
    return probability(mask) - probability(mask & ~bit);
  }

  double base() {
    return base;
  }

  double lift(int channel) {
    return lifts[channel];
  }

  int channels() {
    return lifts.length;
  }
}
