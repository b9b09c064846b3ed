package org.revtrace.core.attribution;

/**
 * Shapley values of the channels, indexed by the journeys' channel dictionary (0 for channels that
 * never appear).
 *
 * @param values {@code φ_c} in the units of the value function (conversions or conversion rate)
 * @param shares {@code max(φ_c, 0) / Σ_d max(φ_d, 0)}; all 0 when no value is positive
 * @param computation how the values were obtained
 * @param players channels in the game (n)
 * @param permutations Monte-Carlo permutations (0 unless sampled)
 * @param errorBound Hoeffding half-width of every {@code φ_c} at 95% (0 unless sampled)
 */
public record ShapleyResult(
    double[] values,
    double[] shares,
    Computation computation,
    int players,
    int permutations,
    double errorBound) {

  /** How Shapley values were obtained. */
  public enum Computation {
    /** The Shapley formula over every coalition. */
    EXACT,
    /** Mean marginal contributions over random permutations of the channels. */
    MONTE_CARLO,
    /** The simplified set-based formula of Zhao et al. (2018). */
    SIMPLIFIED
  }

  public ShapleyResult {
    values = values.clone();
    shares = shares.clone();
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  @Override
  public double[] shares() {
    return shares.clone();
  }

  /**
   * The error bound in credited conversions, {@code errorBound / Σ max(φ, 0) × conversions}: exact
   * scaling when no value is negative, since sampled values still sum exactly to {@code v(N) −
   * v(∅)} (each permutation's marginal contributions telescope).
   */
  public double conversionsErrorBound(long conversions) {
    double sum = 0;
    for (double value : values) {
      sum += Math.max(value, 0);
    }
    return sum > 0 ? errorBound / sum * conversions : 0;
  }
}
