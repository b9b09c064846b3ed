package org.revtrace.core.attribution;

import org.revtrace.core.attribution.markov.MarkovAttribution;
import org.revtrace.core.attribution.markov.MarkovResult;
import org.revtrace.core.attribution.markov.PathTable;
import org.revtrace.core.journey.Journeys;
import org.revtrace.core.journey.ValueKind;

/**
 * Data-driven attribution by the removal effects of an order-k Markov chain over the journeys
 * (docs/definitions/markov.md).
 *
 * <p>Each journey is one path: a converting journey counts one conversion, a non-converting one
 * (present when the journeys were built with non-converting journeys) one null. A channel's
 * conversions are its share {@code RE_c / Σ RE} of all conversions (the published definition).
 * Money follows the paths: each converting journey's values are split over its touches in
 * proportion to the removal effects of their channels, so a channel on high-value journeys earns
 * more revenue than one on cheap ones; the split is exact to the kopeck. Campaign conversions are
 * their channel's conversions shared like the money. If no channel has a removal effect (impossible
 * with converting journeys, kept as a guard), credit falls back to linear.
 */
final class MarkovModel implements AttributionModel {

  private final int order;
  private final boolean nullPaths;

  MarkovModel(int order, boolean nullPaths) {
    this.order = order;
    this.nullPaths = nullPaths;
  }

  /** Whether the model reads the non-converting journeys (null paths). */
  boolean usesNonConverting() {
    return nullPaths;
  }

  @Override
  public String name() {
    return ModelName.MARKOV.code();
  }

  @Override
  public Attribution attribute(Journeys journeys) {
    MarkovResult result = MarkovAttribution.compute(paths(journeys), order, nullPaths);
    long conversions = journeys.conversionCount();
    if (result.status() != MarkovResult.Status.ATTRIBUTED && conversions > 0) {
      return new RuleBasedModel(name(), Rules::linear).attribute(journeys);
    }
    return ChannelShares.attribute(
        name(),
        journeys,
        result.shares(),
        ChannelShares.byChannelWeight(result.removalEffects(), false));
  }

  /**
   * One path per journey, channel ids equal to the journeys' dictionary ids. The table shares the
   * journeys' (read-only) touch arrays instead of copying them: every journey has at least one
   * touch, so the journey slices are exactly the paths.
   */
  private static PathTable paths(Journeys journeys) {
    int n = journeys.size();
    long[] conversions = new long[n];
    double[] values = new double[n];
    long[] nulls = new long[n];
    long[] revenue = journeys.values(ValueKind.REVENUE);
    boolean[] converted = journeys.converted();
    for (int j = 0; j < n; j++) {
      conversions[j] = converted[j] ? 1 : 0;
      values[j] = converted[j] ? revenue[j] : 0;
      nulls[j] = converted[j] ? 0 : 1;
    }
    String[] names = journeys.channels().values().toArray(String[]::new);
    return new PathTable(names, journeys.start(), journeys.channel(), conversions, values, nulls);
  }
}
