package org.revtrace.core.attribution;

import java.util.Map;
import org.revtrace.core.journey.Journeys;
import org.revtrace.core.model.TouchType;

/**
 * Custom weights per touch type: a touch weighs its type's weight (1 when not given), normalised
 * per journey; a journey whose touches all weigh 0 is split linearly.
 */
final class TouchTypeRule implements TouchWeights {

  private final double[] weightOfType = new double[TouchType.values().length];

  TouchTypeRule(Map<TouchType, Double> weights) {
    for (TouchType type : TouchType.values()) {
      double w = weights.getOrDefault(type, 1.0);
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("weight of " + type.code() + " must be ≥ 0: " + w);
      }
      weightOfType[type.ordinal()] = w;
    }
  }

  @Override
  public void weigh(Journeys journeys, int journey, int from, int to, double[] weights) {
    byte[] type = journeys.type();
    double sum = 0;
    for (int k = from; k < to; k++) {
      double w = weightOfType[type[k]];
      weights[k - from] = w;
      sum += w;
    }
    if (sum == 0) {
      RuleBasedModel.uniform(weights, to - from);
      return;
    }
    for (int i = 0; i < to - from; i++) {
      weights[i] /= sum;
    }
  }
}
