package org.revtrace.core.attribution.markov;

import java.util.stream.IntStream;

/**
 * Exact Markov-chain removal-effect attribution of order k (1 to 4) over aggregated paths.
 *
 * <p><b>Definition</b> (Anderl, Becker, von Wangenheim &amp; Schumann, "Mapping the customer
 * journey", 2016; the removal effect as in ChannelAttribution, but solved exactly instead of by
 * Monte-Carlo simulation; full text with a worked example in {@code docs/definitions/markov.md}):
 *
 * <ul>
 *   <li>States are START, CONVERSION, NULL and, for order k, the tuple of the last up-to-k
 *       channels. At the start of a path the tuple is shorter: at order 2 the path a &gt; b &gt; c
 *       visits (a), (a,b), (b,c).
 *   <li>Every path adds its weight {@code conversions + nulls} to each of its transitions START →
 *       s1 → … → s_n, then {@code conversions} to s_n → CONVERSION and {@code nulls} to s_n → NULL.
 *       With {@code withNullPaths = false} the null weight is dropped (only converting journeys
 *       count). Transition probabilities are counts divided by row sums.
 *   <li>P(conversion) is the probability of absorption in CONVERSION from START, solved exactly
 *       (dense Gaussian elimination up to 256 states, Gauss–Seidel to a change below 1e-14
 *       otherwise; see {@link AbsorptionSolver}).
 *   <li>Removing channel c turns every state whose tuple contains c into NULL; {@code RE_c = 1 −
 *       P'_c(conversion) / P(conversion)}, {@code share_c = RE_c / Σ RE}, attributed conversions
 *       {@code = share_c × total conversions} and attributed value {@code = share_c × total value}
 *       (one share for both, as ChannelAttribution does, so credit always sums to the totals).
 * </ul>
 *
 * <p><b>Edge cases.</b> Self-loops (a &gt; a) are kept as data; at order 1 they change neither
 * P(conversion) nor any removal effect. A channel none of whose states can reach CONVERSION gets RE
 * = 0 exactly. A table without conversions gives status {@code NO_CONVERSIONS} and all zeros; all
 * removal effects 0 gives {@code NO_REMOVAL_EFFECT} and zero shares: never NaN. Paths whose weight
 * is 0 are ignored.
 *
 * <p>The engine is a pure function. Channels are solved in parallel on the common fork-join pool
 * when the chain is large enough for it to pay off.
 */
public final class MarkovAttribution {
  /** Highest supported order. */
  public static final int MAX_ORDER = 4;

  private static final int PARALLEL_STATES = 2_000;

  private MarkovAttribution() {}

  /**
   * Computes removal-effect attribution of {@code paths} at {@code order}.
   *
   * @throws IllegalArgumentException if {@code order} is outside [1, 4], or the channel count is
   *     too large for the order to encode a state in a {@code long}
   */
  public static MarkovResult compute(PathTable paths, int order, boolean withNullPaths) {
    if (order < 1 || order > MAX_ORDER) {
      throw new IllegalArgumentException("order must be 1 to " + MAX_ORDER + ", was " + order);
    }
    MarkovChain chain = MarkovChain.build(paths, order, withNullPaths);
    int channels = paths.channelCount();
    long totalConversions = paths.totalConversions();
    double totalValue = paths.totalConversionValue();
    int tupleStates = chain.states - 1;
    double[] zeros = new double[channels];
    if (totalConversions == 0) {
      return new MarkovResult(
          paths.channelNames(),
          zeros,
          zeros,
          zeros,
          zeros,
          0,
          tupleStates,
          order,
          MarkovResult.Status.NO_CONVERSIONS);
    }

    AbsorptionSolver solver = new AbsorptionSolver(chain);
    double[] baseline = solver.solve(new boolean[chain.states], new double[chain.states]);
    double conversionProbability = baseline[0];
    boolean[] reaches = solver.reachesConversion();
    IntStream channelIds = IntStream.range(0, channels);
    if (chain.states >= PARALLEL_STATES) {
      channelIds = channelIds.parallel();
    }
    double[] removalEffects =
        channelIds.mapToDouble(c -> removalEffect(chain, solver, baseline, reaches, c)).toArray();

    double sum = 0;
    for (double effect : removalEffects) {
      sum += effect;
    }
    if (sum == 0) {
      return new MarkovResult(
          paths.channelNames(),
          removalEffects,
          zeros,
          zeros,
          zeros,
          conversionProbability,
          tupleStates,
          order,
          MarkovResult.Status.NO_REMOVAL_EFFECT);
    }
    double[] shares = new double[channels];
    double[] conversions = new double[channels];
    double[] values = new double[channels];
    for (int c = 0; c < channels; c++) {
      shares[c] = removalEffects[c] / sum;
      conversions[c] = shares[c] * totalConversions;
      values[c] = shares[c] * totalValue;
    }
    return new MarkovResult(
        paths.channelNames(),
        removalEffects,
        shares,
        conversions,
        values,
        conversionProbability,
        tupleStates,
        order,
        MarkovResult.Status.ATTRIBUTED);
  }

  private static double removalEffect(
      MarkovChain chain, AbsorptionSolver solver, double[] baseline, boolean[] reaches, int c) {
    boolean[] removed = new boolean[chain.states];
    boolean matters = false;
    for (int s = 1; s < chain.states; s++) {
      if (chain.contains(s, c)) {
        removed[s] = true;
        matters |= reaches[s];
      }
    }
    if (!matters) {
      return 0; // no state with c can lead to CONVERSION: P' = P exactly
    }
    // Warm start from the baseline: x' <= x, so Gauss–Seidel then converges from above.
    double[] without = solver.solve(removed, baseline);
    double effect = 1 - without[0] / baseline[0];
    return Math.max(0, Math.min(1, effect)); // clamp rounding noise; RE is in [0, 1] by definition
  }
}
