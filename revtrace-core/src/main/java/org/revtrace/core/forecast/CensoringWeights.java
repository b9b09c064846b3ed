package org.revtrace.core.forecast;

import java.util.Arrays;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.dataset.SortedLongs;

/**
 * Inverse-probability-of-censoring weights for a stage's time-to-close sample.
 *
 * <p>Deals still open at the cut are censored at their age in the stage: had they been won, their
 * (long) times would be in the sample. Each won time t gets weight 1 ÷ G(t−), where G is the
 * Kaplan–Meier survival of censoring (Robins &amp; Rotnitzky 1992), so long cycles, which are the
 * ones most often still open, count for the ones missing.
 */
final class CensoringWeights {

  private CensoringWeights() {}

  static double[] of(Dataset data, PipelineAsOf pipeline, int stage, long cut, long[] wonTimes) {
    long[] censored = new long[data.dealCount()];
    long[] all = new long[data.dealCount()];
    int c = 0;
    int n = 0;
    for (int d = 0; d < data.dealCount(); d++) {
      long entered = pipeline.firstEntry[stage][d];
      if (entered == Dataset.NO_TIME) {
        continue;
      }
      long duration;
      if (pipeline.closed[d]) {
        duration = Math.max(0, data.dealClosed()[d] - entered);
      } else {
        duration = cut - entered;
        censored[c++] = duration;
      }
      all[n++] = duration;
    }
    Arrays.sort(censored, 0, c);
    Arrays.sort(all, 0, n);
    double[] weights = new double[wonTimes.length];
    for (int i = 0; i < wonTimes.length; i++) {
      weights[i] = 1 / survival(censored, c, all, n, wonTimes[i]);
    }
    return weights;
  }

  /** G(t−): the product over distinct censoring times u &lt; t of (1 − censored at u ÷ at risk). */
  private static double survival(long[] censored, int c, long[] all, int n, long t) {
    double g = 1;
    int i = 0;
    while (i < c && censored[i] < t) {
      long u = censored[i];
      int events = 0;
      while (i < c && censored[i] == u) {
        events++;
        i++;
      }
      int atRisk = n - SortedLongs.lowerBound(all, 0, n, u);
      g *= 1 - (double) events / atRisk;
    }
    return Math.max(g, 1e-6);
  }
}
