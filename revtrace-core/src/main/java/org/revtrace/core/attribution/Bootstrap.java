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
 * learn from the whole resample, which is materialised with {@link Journeys#select} and refitted;
 * non-converting journeys are left out of it when the model does not read them.
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
    int[] other = usesNonConverting(model) ? indexes(journeys, false) : new int[0];
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
                int[] times = multiplicities(converting.length, new SplittableRandom(seeds[r]));
                sumWeights(journeys, touchWeight, converting, times, r, conversions, revenue);
              });
    } else {
      IntStream.range(0, replicates)
          .parallel()
          .forEach(
              r -> {
                SplittableRandom random = new SplittableRandom(seeds[r]);
                int[] all = new int[converting.length + other.length];
                int end = draw(converting, random, all, 0);
                draw(other, random, all, end);
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

  /**
   * How often each of {@code n} positions is drawn in {@code n} draws with replacement; drawing
   * counts rather than a list lets the resample be read in storage order (cache-friendly).
   */
  private static int[] multiplicities(int n, SplittableRandom random) {
    int[] times = new int[n];
    for (int i = 0; i < n; i++) {
      times[random.nextInt(n)]++;
    }
    return times;
  }

  /**
   * Writes a resample of {@code from} (in {@code from}'s order) into {@code into} at {@code at}.
   */
  private static int draw(int[] from, SplittableRandom random, int[] into, int at) {
    int[] times = multiplicities(from.length, random);
    for (int i = 0; i < from.length; i++) {
      for (int k = 0; k < times[i]; k++) {
        into[at++] = from[i];
      }
    }
    return at;
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
      int[] converting,
      int[] times,
      int replicate,
      double[][] conversions,
      double[][] revenue) {
    int[] start = journeys.start();
    int[] channel = journeys.channel();
    long[] value = journeys.values(ValueKind.REVENUE);
    double[] byChannel = new double[conversions.length];
    double[] moneyByChannel = new double[conversions.length];
    for (int i = 0; i < converting.length; i++) {
      if (times[i] == 0) {
        continue;
      }
      int j = converting[i];
      for (int k = start[j]; k < start[j + 1]; k++) {
        byChannel[channel[k]] += times[i] * touchWeight[k];
        moneyByChannel[channel[k]] += times[i] * touchWeight[k] * value[j];
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

  /** Whether a model reads non-converting journeys; the others need not have them resampled. */
  private static boolean usesNonConverting(AttributionModel model) {
    if (model instanceof MarkovModel markov) {
      return markov.usesNonConverting();
    }
    if (model instanceof ShapleyModel shapley) {
      return shapley.usesNonConverting();
    }
    return !(model instanceof RuleBasedModel);
  }

  private static int[] indexes(Journeys journeys, boolean converting) {
    boolean[] converted = journeys.converted();
    return IntStream.range(0, journeys.size()).filter(j -> converted[j] == converting).toArray();
  }
}
