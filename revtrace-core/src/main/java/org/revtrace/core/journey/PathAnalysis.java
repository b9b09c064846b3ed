package org.revtrace.core.journey;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.revtrace.core.dataset.Dataset;

/**
 * The channel paths of journeys to won deals, with conversion rate, revenue and ROI.
 *
 * <p>A path is a journey's channel sequence with consecutive repeats collapsed ({@code seo, seo,
 * email} → {@code seo > email}). Journeys are those of {@link JourneyBuilder} for the won goal with
 * non-converting journeys included, so conversion rate = won journeys with the path ÷ all journeys
 * with the path. Spend is apportioned by touches: each channel's media spend is split over paths in
 * proportion to that channel's touches in the path's journeys (converting or not) among all its
 * journey touches, by largest remainder so each channel's split sums to its spend to the kopeck.
 * Spend of a channel with no journey touch is not apportioned. ROI = (revenue − cost) ÷ cost.
 *
 * @param journeys all journeys analysed
 * @param wonJourneys the converting ones
 * @param paths every distinct path, most won journeys first, then revenue, then path text
 */
public record PathAnalysis(long journeys, long wonJourneys, List<ChannelPath> paths) {

  public PathAnalysis {
    paths = List.copyOf(paths);
  }

  /**
   * Analyses the full paths of {@code options}' journeys, forcing the won goal and non-converting
   * journeys on.
   */
  public static PathAnalysis compute(Dataset data, JourneyOptions options) {
    return compute(data, options, Integer.MAX_VALUE);
  }

  /**
   * Like {@link #compute(Dataset, JourneyOptions)}, keeping only the last {@code lastChannels}
   * channels of each collapsed path, so long B2B journeys group into comparable paths. Cost still
   * counts every touch of the journeys, including channels cut from the path.
   */
  public static PathAnalysis compute(Dataset data, JourneyOptions options, int lastChannels) {
    if (lastChannels < 1) {
      throw new IllegalArgumentException("lastChannels must be positive: " + lastChannels);
    }
    Journeys journeys =
        JourneyBuilder.build(data, options.withGoal(Goal.WON).withNonConverting(true));
    Map<PathKey, int[]> ids = new HashMap<>();
    List<PathKey> keys = new ArrayList<>();
    List<long[]> totals = new ArrayList<>(); // journeys, won, revenue
    List<Map<Integer, long[]>> touchesByChannel = new ArrayList<>();
    long[] revenue = journeys.values(ValueKind.REVENUE);
    long won = 0;
    for (int j = 0; j < journeys.size(); j++) {
      int from = journeys.start()[j];
      int to = journeys.start()[j + 1];
      if (from == to) {
        continue;
      }
      PathKey key = PathKey.collapse(journeys.channel(), from, to, lastChannels);
      int id = ids.computeIfAbsent(key, k -> new int[] {keys.size()})[0];
      if (id == keys.size()) {
        keys.add(key);
        totals.add(new long[3]);
        touchesByChannel.add(new HashMap<>());
      }
      long[] total = totals.get(id);
      total[0]++;
      if (journeys.converted()[j]) {
        total[1]++;
        total[2] = Math.addExact(total[2], revenue[j]);
        won++;
      }
      for (int k = from; k < to; k++) {
        touchesByChannel.get(id).computeIfAbsent(journeys.channel()[k], c -> new long[1])[0]++;
      }
    }
    long[] cost = apportionSpend(data, touchesByChannel);
    List<ChannelPath> paths = new ArrayList<>(keys.size());
    for (int id = 0; id < keys.size(); id++) {
      List<String> channels = new ArrayList<>();
      for (int channel : keys.get(id).channels) {
        channels.add(journeys.channels().decode(channel));
      }
      long[] total = totals.get(id);
      paths.add(new ChannelPath(channels, total[0], total[1], total[2], cost[id]));
    }
    paths.sort(
        Comparator.comparingLong(ChannelPath::won)
            .reversed()
            .thenComparing(Comparator.comparingLong(ChannelPath::revenue).reversed())
            .thenComparing(ChannelPath::text));
    return new PathAnalysis(journeys.size(), won, paths);
  }

  /** The {@code n} paths with the most won journeys. */
  public List<ChannelPath> mostCommon(int n) {
    return paths.subList(0, Math.min(n, paths.size()));
  }

  /**
   * The {@code n} paths with the highest ROI among those with spend and at least {@code minWon} won
   * journeys (a floor, so a single lucky deal does not top the list).
   */
  public List<ChannelPath> highestRoi(int n, long minWon) {
    return paths.stream()
        .filter(p -> p.won() >= minWon && p.roi().isPresent())
        .sorted(
            Comparator.comparingDouble((ChannelPath p) -> p.roi().getAsDouble())
                .reversed()
                .thenComparing(ChannelPath::text))
        .limit(n)
        .toList();
  }

  private static long[] apportionSpend(Dataset data, List<Map<Integer, long[]>> touchesByPath) {
    int channels = data.channels().size();
    long[] spend = new long[channels];
    for (int row = 0; row < data.spendCount(); row++) {
      spend[data.spendChannel()[row]] += data.spendCost()[row];
    }
    long[] cost = new long[touchesByPath.size()];
    for (int channel = 0; channel < channels; channel++) {
      if (spend[channel] == 0) {
        continue;
      }
      long[] touches = new long[touchesByPath.size()];
      long total = 0;
      for (int p = 0; p < touches.length; p++) {
        long[] count = touchesByPath.get(p).get(channel);
        touches[p] = count == null ? 0 : count[0];
        total += touches[p];
      }
      if (total == 0) {
        continue;
      }
      long[] parts = largestRemainder(spend[channel], touches, total);
      for (int p = 0; p < parts.length; p++) {
        cost[p] += parts[p];
      }
    }
    return cost;
  }

  /** Splits {@code amount} in proportion to {@code weights}, parts summing exactly to it. */
  static long[] largestRemainder(long amount, long[] weights, long total) {
    long[] parts = new long[weights.length];
    long[] remainders = new long[weights.length];
    BigInteger whole = BigInteger.valueOf(total);
    long given = 0;
    for (int i = 0; i < weights.length; i++) {
      BigInteger[] split =
          BigInteger.valueOf(amount)
              .multiply(BigInteger.valueOf(weights[i]))
              .divideAndRemainder(whole);
      parts[i] = split[0].longValueExact();
      remainders[i] = split[1].longValueExact();
      given += parts[i];
    }
    Integer[] order = new Integer[weights.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingLong((Integer i) -> remainders[i]).reversed());
    for (int k = 0; given < amount; k++) {
      parts[order[k]]++;
      given++;
    }
    return parts;
  }

  /** A collapsed channel sequence, usable as a map key. */
  private record PathKey(int[] channels) {

    static PathKey collapse(int[] channel, int from, int to, int last) {
      int[] path = new int[to - from];
      int n = 0;
      for (int k = from; k < to; k++) {
        if (n == 0 || path[n - 1] != channel[k]) {
          path[n++] = channel[k];
        }
      }
      return new PathKey(Arrays.copyOfRange(path, Math.max(0, n - last), n));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof PathKey key && Arrays.equals(channels, key.channels);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(channels);
    }

    @Override
    public String toString() {
      return Arrays.toString(channels);
    }
  }
}
