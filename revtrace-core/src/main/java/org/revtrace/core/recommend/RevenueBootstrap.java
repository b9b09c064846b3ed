package org.revtrace.core.recommend;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.revtrace.core.attribution.Attribution;
import org.revtrace.core.attribution.AttributionModel;
import org.revtrace.core.journey.Journeys;
import org.revtrace.core.journey.ValueKind;

/**
 * Percentile bootstrap intervals of the credited won revenue of every channel or campaign, by the
 * stratified resampling of {@code attribution.Bootstrap} (docs/definitions/attribution.md): each
 * replicate draws as many converting journeys as there are from the converting ones, and as many
 * non-converting from the non-converting ones, and reruns the model on the resample; replicate r
 * draws from a generator seeded by the r-th number of one seeded with the seed. Unlike {@code
 * Bootstrap} it reads campaigns as well as channels, and refits every model the same way.
 */
final class RevenueBootstrap {

  private RevenueBootstrap() {}

  /**
   * {@code [unit][0]} lower and {@code [unit][1]} upper bound of the credited revenue, by channel
   * or campaign id.
   */
  static double[][] intervals(
      AttributionModel model, Journeys journeys, UnitLevel level, RecommendSettings settings) {
    boolean[] converted = journeys.converted();
    int[] converting = IntStream.range(0, journeys.size()).filter(j -> converted[j]).toArray();
    int[] other = IntStream.range(0, journeys.size()).filter(j -> !converted[j]).toArray();
    int units =
        switch (level) {
          case CHANNEL -> journeys.channels().size();
          case CAMPAIGN -> journeys.campaigns().size();
        };
    int replicates = settings.replicates();
    long[] seeds = new SplittableRandom(settings.seed()).longs(replicates).toArray();
    double[][] revenue = new double[units][replicates];
    IntStream.range(0, replicates)
        .parallel()
        .forEach(
            r -> {
              SplittableRandom random = new SplittableRandom(seeds[r]);
              int[] all = new int[converting.length + other.length];
              int end = draw(converting, random, all, 0);
              draw(other, random, all, end);
              Attribution credit = model.attribute(journeys.select(all));
              for (int u = 0; u < units; u++) {
                revenue[u][r] =
                    switch (level) {
                      case CHANNEL -> credit.channelValue(u, ValueKind.REVENUE);
                      case CAMPAIGN -> credit.campaignValue(u, ValueKind.REVENUE);
                    };
              }
            });
    double alpha = 1 - settings.confidence();
    double[][] bounds = new double[units][2];
    for (int u = 0; u < units; u++) {
      Arrays.sort(revenue[u]);
      bounds[u][0] = CurveFitting.quantile(revenue[u], alpha / 2);
      bounds[u][1] = CurveFitting.quantile(revenue[u], 1 - alpha / 2);
    }
    return bounds;
  }

  private static int draw(int[] from, SplittableRandom random, int[] into, int at) {
    int[] times = new int[from.length];
    for (int i = 0; i < from.length; i++) {
      times[random.nextInt(from.length)]++;
    }
    for (int i = 0; i < from.length; i++) {
      for (int k = 0; k < times[i]; k++) {
        into[at++] = from[i];
      }
    }
    return at;
  }
}
