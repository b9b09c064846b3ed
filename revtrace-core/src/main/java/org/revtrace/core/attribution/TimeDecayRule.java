package org.revtrace.core.attribution;

import java.time.Duration;
import org.revtrace.core.journey.Journeys;

/**
 * Time decay: a touch Δt before the conversion weighs {@code 2^(−Δt / H)} for half-life {@code H};
 * weights are normalised per journey. A non-converting journey is never weighed.
 */
final class TimeDecayRule implements TouchWeights {

  private final double decayPerSecond;

  TimeDecayRule(Duration halfLife) {
    if (halfLife.isNegative() || halfLife.isZero()) {
      throw new IllegalArgumentException("half-life must be positive: " + halfLife);
    }
    // 2^(−Δt/H) = e^(−Δt · ln2 / H): one exp per touch, cheaper than pow.
    this.decayPerSecond = Math.log(2) / halfLife.getSeconds();
  }

  @Override
  public void weigh(Journeys journeys, int journey, int from, int to, double[] weights) {
    long at = journeys.conversionTime()[journey];
    long[] time = journeys.time();
    double sum = 0;
    for (int k = from; k < to; k++) {
      double w = Math.exp(-(at - time[k]) * decayPerSecond);
      weights[k - from] = w;
      sum += w;
    }
    if (!(sum > 0)) {
      RuleBasedModel.uniform(weights, to - from);
      return;
    }
    for (int i = 0; i < to - from; i++) {
      weights[i] /= sum;
    }
  }
}
