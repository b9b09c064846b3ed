package org.revtrace.core.attribution;

import org.revtrace.core.attribution.ShapleySettings.ValueFunction;
import org.revtrace.core.journey.Journeys;

/**
 * Data-driven attribution by the Shapley values of channel coalitions
 * (docs/definitions/shapley.md).
 *
 * <p>A channel's conversions are its share {@code max(φ_c, 0) / Σ max(φ, 0)} of all conversions.
 * Money and campaigns follow the paths: each converting journey's values are split over its
 * channels in proportion to their shares, a channel's share divided among its repeated touches.
 * With no positive value (no conversions), credit falls back to linear.
 */
public final class ShapleyModel implements AttributionModel {

  private final ShapleySettings settings;

  ShapleyModel(ShapleySettings settings) {
    this.settings = settings;
  }

  /** Whether the model reads the non-converting journeys (the conversion-rate game). */
  boolean usesNonConverting() {
    return settings.valueFunction() == ValueFunction.CONVERSION_RATE;
  }

  @Override
  public String name() {
    return ModelName.SHAPLEY.code();
  }

  @Override
  public Attribution attribute(Journeys journeys) {
    ShapleyResult result = values(journeys, settings);
    double[] shares = result.shares();
    double sum = 0;
    for (double share : shares) {
      sum += share;
    }
    if (sum == 0) {
      return new RuleBasedModel(name(), Rules::linear).attribute(journeys);
    }
    return ChannelShares.attribute(
        name(), journeys, shares, ChannelShares.byChannelWeight(shares, true));
  }

  /**
   * Exact values up to {@link ShapleySettings#EXACT_CHANNEL_LIMIT} players; beyond, the closed form
   * for the conversions game (exact at any size) or sampling for the rate game.
   */
  private static ShapleyValues.Values exact(
      Coalitions game, ValueFunction function, ShapleySettings settings) {
    if (game.players() <= ShapleySettings.EXACT_CHANNEL_LIMIT) {
      return ShapleyValues.exact(game, function);
    }
    if (function == ValueFunction.CONVERSIONS) {
      return new ShapleyValues.Values(
          ShapleyValues.simplified(game).phi(), ShapleyResult.Computation.EXACT, 0, 0);
    }
    return sample(game, settings);
  }

  private static ShapleyValues.Values sample(Coalitions game, ShapleySettings settings) {
    return ShapleyValues.monteCarlo(
        game, settings.valueFunction(), settings.permutations(), settings.seed());
  }

  /** The Shapley values of the journeys' channels under {@code settings}. */
  public static ShapleyResult values(Journeys journeys, ShapleySettings settings) {
    ValueFunction function = settings.valueFunction();
    Coalitions game = Coalitions.of(journeys, function == ValueFunction.CONVERSION_RATE);
    ShapleyValues.Values values =
        switch (settings.method()) {
          case SIMPLIFIED -> ShapleyValues.simplified(game);
          case MONTE_CARLO -> sample(game, settings);
          case EXACT -> exact(game, function, settings);
        };
    int channels = journeys.channels().size();
    double[] phi = new double[channels];
    double positive = 0;
    for (int p = 0; p < game.players(); p++) {
      phi[game.channel[p]] = values.phi()[p];
      positive += Math.max(values.phi()[p], 0);
    }
    double[] shares = new double[channels];
    if (positive > 0) {
      for (int c = 0; c < channels; c++) {
        shares[c] = Math.max(phi[c], 0) / positive;
      }
    }
    return new ShapleyResult(
        phi,
        shares,
        values.computation(),
        game.players(),
        values.permutations(),
        values.errorBound());
  }
}
