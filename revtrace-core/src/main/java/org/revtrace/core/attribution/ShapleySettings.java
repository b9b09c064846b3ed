package org.revtrace.core.attribution;

import java.util.Objects;

/**
 * Parameters of Shapley attribution (docs/definitions/shapley.md).
 *
 * @param valueFunction what a coalition of channels is worth
 * @param method exact Shapley values (Monte-Carlo beyond {@link #EXACT_CHANNEL_LIMIT} channels when
 *     the value function has no closed form) or the simplified set-based formula
 * @param permutations Monte-Carlo permutations, when sampling is needed
 * @param seed Monte-Carlo seed: the same seed gives the same result
 */
public record ShapleySettings(
    ValueFunction valueFunction, Method method, int permutations, long seed) {

  /** Up to this many channels the exact sum over all 2^n coalitions is computed. */
  public static final int EXACT_CHANNEL_LIMIT = 20;

  /** The characteristic function v(S) of a channel coalition S. */
  public enum ValueFunction {
    /** Conversions of journeys whose channel set is a subset of S (Zhao et al. 2018). */
    CONVERSIONS,
    /**
     * Conversion rate of journeys whose channel set is a subset of S: needs non-converting journeys
     * (Dalessandro et al. 2012).
     */
    CONVERSION_RATE
  }

  /** How the values are computed. */
  public enum Method {
    /** The Shapley (1953) formula over all coalitions; sampled beyond the exact limit. */
    EXACT,
    /** Zhao et al. (2018) simplified formula: each journey's conversion split over its set. */
    SIMPLIFIED,
    /** Random permutations at any size, with a Hoeffding error bound (Castro et al. 2009). */
    MONTE_CARLO
  }

  public ShapleySettings {
    Objects.requireNonNull(valueFunction, "valueFunction");
    Objects.requireNonNull(method, "method");
    if (permutations < 1) {
      throw new IllegalArgumentException("permutations must be positive: " + permutations);
    }
    if (method == Method.SIMPLIFIED && valueFunction != ValueFunction.CONVERSIONS) {
      throw new IllegalArgumentException(
          "the simplified Shapley formula is defined for the conversions value function only");
    }
  }

  /** Exact values of the conversions value function, 2,000 permutations if sampling, seed 1. */
  public static ShapleySettings defaults() {
    return new ShapleySettings(ValueFunction.CONVERSIONS, Method.EXACT, 2_000, 1);
  }

  public ShapleySettings withValueFunction(ValueFunction value) {
    return new ShapleySettings(value, method, permutations, seed);
  }

  public ShapleySettings withMethod(Method value) {
    return new ShapleySettings(valueFunction, value, permutations, seed);
  }

  public ShapleySettings withSampling(int newPermutations, long newSeed) {
    return new ShapleySettings(valueFunction, method, newPermutations, newSeed);
  }
}
