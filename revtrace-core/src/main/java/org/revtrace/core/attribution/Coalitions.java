package org.revtrace.core.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.revtrace.core.journey.Journeys;

/**
 * Journeys aggregated by their channel set: for each distinct set T of channels (a coalition), the
 * conversions and the non-converting journeys ("nulls") whose touches cover exactly T.
 *
 * <p>Only channels that appear on some journey are players; they are renumbered {@code 0 .. n-1} in
 * dictionary order ({@link #channel} maps back). Order and repeats of touches are ignored.
 */
final class Coalitions {

  /** Dictionary id of each player. */
  final int[] channel;

  /** Members of each distinct coalition, ascending player numbers; may include the empty set. */
  final int[][] members;

  final double[] conversions;
  final double[] nulls;

  private Coalitions(int[] channel, int[][] members, double[] conversions, double[] nulls) {
    this.channel = channel;
    this.members = members;
    this.conversions = conversions;
    this.nulls = nulls;
  }

  /** Number of players. */
  int players() {
    return channel.length;
  }

  double totalConversions() {
    return Arrays.stream(conversions).sum();
  }

  /** Aggregates the journeys; non-converting ones count as nulls only if {@code withNulls}. */
  static Coalitions of(Journeys journeys, boolean withNulls) {
    int[] start = journeys.start();
    int[] touchChannel = journeys.channel();
    boolean[] converted = journeys.converted();
    int[] player = new int[journeys.channels().size()];
    Arrays.fill(player, -1);
    for (int j = 0; j < journeys.size(); j++) {
      if (converted[j] || withNulls) {
        for (int k = start[j]; k < start[j + 1]; k++) {
          player[touchChannel[k]] = 0;
        }
      }
    }
    int n = 0;
    for (int c = 0; c < player.length; c++) {
      if (player[c] == 0) {
        player[c] = n++;
      }
    }
    int[] channelOf = new int[n];
    for (int c = 0; c < player.length; c++) {
      if (player[c] >= 0) {
        channelOf[player[c]] = c;
      }
    }
    return n <= ShapleySettings.EXACT_CHANNEL_LIMIT
        ? byMask(journeys, withNulls, player, channelOf)
        : byMembers(journeys, withNulls, player, channelOf);
  }

  /** Dense aggregation over the 2^n masks: no hashing on the hot path. */
  private static Coalitions byMask(
      Journeys journeys, boolean withNulls, int[] player, int[] channelOf) {
    int n = channelOf.length;
    double[] conversions = new double[1 << n];
    double[] nulls = new double[1 << n];
    int[] start = journeys.start();
    int[] touchChannel = journeys.channel();
    boolean[] converted = journeys.converted();
    for (int j = 0; j < journeys.size(); j++) {
      if (!converted[j] && !withNulls) {
        continue;
      }
      int mask = 0;
      for (int k = start[j]; k < start[j + 1]; k++) {
        mask |= 1 << player[touchChannel[k]];
      }
      if (converted[j]) {
        conversions[mask]++;
      } else {
        nulls[mask]++;
      }
    }
    List<int[]> members = new ArrayList<>();
    List<double[]> counts = new ArrayList<>();
    for (int mask = 0; mask < conversions.length; mask++) {
      if (conversions[mask] > 0 || nulls[mask] > 0) {
        int[] set = new int[Integer.bitCount(mask)];
        for (int p = 0, i = 0; p < n; p++) {
          if ((mask & (1 << p)) != 0) {
            set[i++] = p;
          }
        }
        members.add(set);
        counts.add(new double[] {conversions[mask], nulls[mask]});
      }
    }
    return of(channelOf, members, counts);
  }

  private static Coalitions byMembers(
      Journeys journeys, boolean withNulls, int[] player, int[] channelOf) {
    Map<Key, double[]> byKey = new HashMap<>();
    int[] start = journeys.start();
    int[] touchChannel = journeys.channel();
    boolean[] converted = journeys.converted();
    for (int j = 0; j < journeys.size(); j++) {
      if (!converted[j] && !withNulls) {
        continue;
      }
      int[] set = new int[start[j + 1] - start[j]];
      for (int k = start[j]; k < start[j + 1]; k++) {
        set[k - start[j]] = player[touchChannel[k]];
      }
      set = Arrays.stream(set).sorted().distinct().toArray();
      double[] counts = byKey.computeIfAbsent(new Key(set), key -> new double[2]);
      counts[converted[j] ? 0 : 1]++;
    }
    List<Key> keys = new ArrayList<>(byKey.keySet());
    keys.sort(Key::compareTo);
    List<int[]> members = new ArrayList<>();
    List<double[]> counts = new ArrayList<>();
    for (Key key : keys) {
      members.add(key.members);
      counts.add(byKey.get(key));
    }
    return of(channelOf, members, counts);
  }

  private static Coalitions of(int[] channelOf, List<int[]> members, List<double[]> counts) {
    double[] conversions = new double[members.size()];
    double[] nulls = new double[members.size()];
    for (int t = 0; t < conversions.length; t++) {
      conversions[t] = counts.get(t)[0];
      nulls[t] = counts.get(t)[1];
    }
    return new Coalitions(channelOf, members.toArray(int[][]::new), conversions, nulls);
  }

  /** A channel set as a hash key, ordered lexicographically for a deterministic layout. */
  private record Key(int[] members) implements Comparable<Key> {

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && Arrays.equals(members, key.members);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(members);
    }

    @Override
    public int compareTo(Key other) {
      return Arrays.compare(members, other.members);
    }

    @Override
    public String toString() {
      return Arrays.toString(members);
    }
  }
}
