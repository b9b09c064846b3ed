package org.revtrace.core.attribution;

import java.util.Arrays;
import org.revtrace.core.journey.Journeys;

/** The position rules: first, last, last non-direct, linear, position-based. */
final class Rules {

  private Rules() {}

  /** All credit to the first touch. */
  static void firstTouch(Journeys journeys, int journey, int from, int to, double[] weights) {
    Arrays.fill(weights, 0, to - from, 0);
    weights[0] = 1;
  }

  /** All credit to the last touch. */
  static void lastTouch(Journeys journeys, int journey, int from, int to, double[] weights) {
    Arrays.fill(weights, 0, to - from, 0);
    weights[to - from - 1] = 1;
  }

  /** All credit to the last touch that is not direct; to the last touch when all are direct. */
  static void lastNonDirect(Journeys journeys, int journey, int from, int to, double[] weights) {
    Arrays.fill(weights, 0, to - from, 0);
    int direct = journeys.directChannel();
    int[] channel = journeys.channel();
    for (int k = to - 1; k >= from; k--) {
      if (channel[k] != direct) {
        weights[k - from] = 1;
        return;
      }
    }
    weights[to - from - 1] = 1;
  }

  /** Equal credit to every touch. */
  static void linear(Journeys journeys, int journey, int from, int to, double[] weights) {
    RuleBasedModel.uniform(weights, to - from);
  }

  /**
   * Position-based (U-shaped): {@code first} to the first touch, {@code last} to the last, the rest
   * split equally over the middle touches; two touches split first:last in proportion; one touch
   * gets everything.
   */
  static TouchWeights positionBased(double first, double last) {
    if (first < 0 || last < 0 || first + last > 1) {
      throw new IllegalArgumentException("position weights must be ≥ 0 and sum to ≤ 1");
    }
    return (journeys, journey, from, to, weights) -> {
      int length = to - from;
      if (length == 1) {
        weights[0] = 1;
        return;
      }
      if (length == 2) {
        double sum = first + last;
        weights[0] = sum == 0 ? 0.5 : first / sum;
        weights[1] = sum == 0 ? 0.5 : last / sum;
        return;
      }
      double middle = (1 - first - last) / (length - 2);
      Arrays.fill(weights, 1, length - 1, middle);
      weights[0] = first;
      weights[length - 1] = last;
    };
  }
}
