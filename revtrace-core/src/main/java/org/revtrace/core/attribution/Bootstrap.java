package org.revtrace.core.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.revtrace.core.journey.Journeys;
import org.revtrace.core.journey.ValueKind;

/**
 * Percentile bootstrap intervals of each channel's credited conversions and revenue under any model
 * (Efron and Tibshirani, <i>An Introduction to the Bootstrap</i>, 1993, ch. 13).
 *
 * <p>Each of B replicates draws, with replacement, as many converting journeys as there are from
 * the converting journeys, and as many non-converting ones from the non-converting journeys
 * (stratified: the number of conversions stays fixed, so the intervals show how uncertain the split
 * is, not the total), and reruns the model. The interval at confidence {@code 1 − α} is the {@code
 * α/2} and {@code 1 − α/2} quantiles (linear interpolation between order statistics) of the B
 * replicate credits. Replicate r draws from a generator seeded by the r-th number of a generator
 * seeded with {@code seed}, so the result is the same for a seed on every machine and core count.
 *
 * <p>Rule-based models credit each journey on its own, so their replicates are sums of each drawn
 * journey's touch weights, computed once: no journeys are copied and a replicate costs one pass
 * over the drawn touches (revenue in fractional minor units, not apportioned). Data-driven models
 * learn from the whole resample, which is materialised with {@link Journeys#select} and refitted.
 */
public final class Bootstrap {

  public static final int DEFAULT_REPLICATES = 200;

  /**
   * One channel's credit on the data and its bootstrap interval.
   *
   * @param revenue credited revenue in minor units
   */
  public record ChannelInterval(
      String channel,
      double conversions,
      double conversionsLower,
      double conversionsUpper,
      long revenue,
      double revenueLower,
      double revenueUpper) {

    public ChannelInterval {
      Objects.requireNonNull(channel, "channel");
    }
  }

  /** Intervals of every channel that appears on the journeys, in dictionary order. */
  public record Result(
      String model, int replicates, double confidence, long seed, List<ChannelInterval> channels) {

    public Result {
      channels = List.copyOf(channels);
    }
  }

  private Bootstrap() {}

  /**
   * Bootstraps {@code model} on {@code journeys} with {@code replicates} resamples (at least 2) at
   * {@code confidence} (between 0 and 1, e.g. 0.9 or 0.95).
   */
  public static Result compute(
      AttributionModel model, Journeys journeys, int replicates, double confidence, long seed) {
    if (replicates < 2) {
      throw new IllegalArgumentException("need at least 2 replicates: " + replicates);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be between 0 and 1: " + confidence);
    }
    int[] converting = indexes(journeys, true);
    int[] other = indexes(journeys, false);
    long[] seeds = new SplittableRandom(seed).longs(replicates).toArray();
    int channels = journeys.channels().size();
    double[][] conversions = new double[channels][replicates];
    double[][] revenue = new double[channels][replicates];
    if (model instanceof RuleBasedModel ruleBased) {
      double[] touchWeight = touchWeights(ruleBased.rule(), journeys);
      IntStream.range(0, replicates)
          .parallel()
          .forEach(
              r -> {
                int[] drawn = draw(converting, new SplittableRandom(seeds[r]));
                sumWeights(journeys, touchWeight, drawn, r, conversions, revenue);
              });
    } else {
      IntStream.range(0, replicates)
          .parallel()
          .forEach(
              r -> {
                SplittableRandom random = new SplittableRandom(seeds[r]);
                int[] drawn = draw(converting, random);
                int[] all = Arrays.copyOf(drawn, converting.length + other.length);
                System.arraycopy(draw(other, random), 0, all, converting.length, other.length);
                Attribution credit = model.attribute(journeys.select(all));
                for (int c = 0; c < channels; c++) {
                  conversions[c][r] = credit.channelConversions(c);
                  revenue[c][r] = credit.channelValue(c, ValueKind.REVENUE);
                }
              });
    }
    Attribution full = model.attribute(journeys);
    boolean[] seen = new boolean[channels];
    for (int k = 0; k < journeys.touchCount(); k++) {
      seen[journeys.channel()[k]] = true;
    }
    double alpha = 1 - confidence;
    List<ChannelInterval> rows = new ArrayList<>();
    for (int c = 0; c < channels; c++) {
      if (!seen[c]) {
        continue;
      }
      Arrays.sort(conversions[c]);
      Arrays.sort(revenue[c]);
      rows.add(
          new ChannelInterval(
              journeys.channels().decode(c),
              full.channelConversions(c),
              quantile(conversions[c], alpha / 2),
              quantile(conversions[c], 1 - alpha / 2),
              full.channelValue(c, ValueKind.REVENUE),
              quantile(revenue[c], alpha / 2),
              quantile(revenue[c], 1 - alpha / 2)));
    }
    return new Result(model.name(), replicates, confidence, seed, rows);
  }

  /** {@code from.length} draws with replacement from {@code from}. */
  private static int[] draw(int[] from, SplittableRandom random) {
    int[] drawn = new int[from.length];
    for (int i = 0; i < drawn.length; i++) {
      drawn[i] = from[random.nextInt(from.length)];
    }
    return drawn;
  }

  /** Each converting journey's touch weights under a rule, by absolute touch position. */
  private static double[] touchWeights(TouchWeights rule, Journeys journeys) {
    double[] touchWeight = new double[journeys.touchCount()];
    int[] start = journeys.start();
    boolean[] converted = journeys.converted();
    double[] weights = new double[16];
    for (int j = 0; j < journeys.size(); j++) {
      int length = start[j + 1] - start[j];
      if (!converted[j] || length == 0) {
        continue;
      }
      if (weights.length < length) {
        weights = new double[Math.max(length, weights.length * 2)];
      }
      rule.weigh(journeys, j, start[j], start[j + 1], weights);
      System.arraycopy(weights, 0, touchWeight, start[j], length);
    }
    return touchWeight;
  }

  private static void sumWeights(
      Journeys journeys,
      double[] touchWeight,
      int[] drawn,
      int replicate,
      double[][] conversions,
      double[][] revenue) {
    int[] start = journeys.start();
    int[] channel = journeys.channel();
    long[] value = journeys.values(ValueKind.REVENUE);
    double[] byChannel = new double[conversions.length];
    double[] moneyByChannel = new double[conversions.length];
    for (int j : drawn) {
      for (int k = start[j]; k < start[j + 1]; k++) {
        byChannel[channel[k]] += touchWeight[k];
        moneyByChannel[channel[k]] += touchWeight[k] * value[j];
      }
    }
    for (int c = 0; c < byChannel.length; c++) {
      conversions[c][replicate] = byChannel[c];
      revenue[c][replicate] = moneyByChannel[c];
    }
  }

  /** Hyndman–Fan type 7 quantile of sorted values: {@code h = (B − 1)·q}, interpolated. */
  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int low = (int) Math.floor(h);
    int high = Math.min(low + 1, sorted.length - 1);
    return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
  }

  private static int[] indexes(Journeys journeys, boolean converting) {
    boolean[] converted = journeys.converted();
    return IntStream.range(0, journeys.size()).filter(j -> converted[j] == converting).toArray();
  }
}
