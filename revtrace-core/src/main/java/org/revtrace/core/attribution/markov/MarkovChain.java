package org.revtrace.core.attribution.markov;

import java.util.Arrays;

/**
 * The order-k transition structure of a {@link PathTable}, as a sparse row-normalised jump chain.
 *
 * <p>A state is the tuple of the last up-to-k channels, encoded in mixed radix over {@code C+1}
 * symbols (0 = "no channel", channel id + 1 otherwise), most recent channel in the lowest digit.
 * Key 0, the empty tuple, is START and always gets state id 0. CONVERSION and NULL are not stored
 * as states: they are the two absorbing targets of {@link #conversion} and of the remaining mass.
 *
 * <p>Self-loops (s → s) are kept in the counts but removed from the stored rows by renormalising
 * over the other transitions: {@code P(s→t) / (1 − P(s→s))}. The absorption probabilities of a
 * chain and of its jump chain are equal, since a self-loop only delays the next move (standard
 * first-step analysis), so this is exact and makes every row a proper exit from s.
 */
final class MarkovChain {
  final int order;
  final int channels;

  /** Number of states including START (id 0). */
  final int states;

  /** Mixed-radix key of each state. */
  final long[] stateKeys;

  /** CSR rows: targets of state s are {@code target[rowStart[s] .. rowStart[s+1])}. */
  final int[] rowStart;

  final int[] target;
  final double[] probability;

  /** Probability that state s moves to CONVERSION next (self-loops excluded). */
  final double[] conversion;

  private MarkovChain(
      int order,
      int channels,
      long[] stateKeys,
      int[] rowStart,
      int[] target,
      double[] probability,
      double[] conversion) {
    this.order = order;
    this.channels = channels;
    this.states = stateKeys.length;
    this.stateKeys = stateKeys;
    this.rowStart = rowStart;
    this.target = target;
    this.probability = probability;
    this.conversion = conversion;
  }

  /** Returns true if the tuple of state {@code s} contains channel {@code channel}. */
  boolean contains(int s, int channel) {
    long radix = channels + 1L;
    for (long key = stateKeys[s]; key != 0; key /= radix) {
      if (key % radix == channel + 1) {
        return true;
      }
    }
    return false;
  }

  /**
   * Counts transitions of every path weighted by its journeys, then row-normalises.
   *
   * <p>Each path with weight {@code w = conversions + nulls} ({@code conversions} only if {@code
   * withNullPaths} is false) adds {@code w} to START → s1, s1 → s2, …, and {@code conversions} to
   * s_n → CONVERSION and {@code nulls} to s_n → NULL. Paths of weight 0 add nothing.
   */
  static MarkovChain build(PathTable table, int order, boolean withNullPaths) {
    int channels = table.channelNames.length;
    long radix = channels + 1L;
    long keySpace = power(radix, order);
    long shiftModulus = power(radix, order - 1);
    int symbols = channels + 2; // channels, then CONVERSION, then NULL
    long stateBound = Math.min(keySpace, table.steps.length + 1L);

    LongIntMap stateIds = new LongIntMap(keySpace);
    LongIntMap edgeIds = new LongIntMap(stateBound * symbols);
    long[] stateKeys = new long[64];
    long[] edgeKeys = new long[256];
    double[] edgeWeights = new double[256];
    stateIds.getOrAdd(0L);

    int[] offsets = table.pathOffsets;
    int[] steps = table.steps;
    for (int p = 0, paths = table.conversions.length; p < paths; p++) {
      long converted = table.conversions[p];
      long notConverted = withNullPaths ? table.nulls[p] : 0;
      double weight = (double) converted + notConverted;
      if (weight == 0) {
        continue;
      }
      long key = 0;
      int state = 0;
      for (int i = offsets[p], end = offsets[p + 1]; i < end; i++) {
        int channel = steps[i];
        int edge = edgeIds.getOrAdd((long) state * symbols + channel);
        if (edge == edgeWeights.length) {
          edgeWeights = Arrays.copyOf(edgeWeights, edge * 2);
          edgeKeys = Arrays.copyOf(edgeKeys, edge * 2);
        }
        edgeKeys[edge] = (long) state * symbols + channel;
        edgeWeights[edge] += weight;
        key = (key % shiftModulus) * radix + channel + 1;
        int next = stateIds.getOrAdd(key);
        if (next == stateKeys.length) {
          stateKeys = Arrays.copyOf(stateKeys, next * 2);
        }
        stateKeys[next] = key;
        state = next;
      }
      for (int outcome = 0; outcome < 2; outcome++) {
        long count = outcome == 0 ? converted : notConverted;
        if (count > 0) {
          long edgeKey = (long) state * symbols + channels + outcome;
          int edge = edgeIds.getOrAdd(edgeKey);
          if (edge == edgeWeights.length) {
            edgeWeights = Arrays.copyOf(edgeWeights, edge * 2);
            edgeKeys = Arrays.copyOf(edgeKeys, edge * 2);
          }
          edgeKeys[edge] = edgeKey;
          edgeWeights[edge] += count;
        }
      }
    }
    return normalise(
        order,
        channels,
        stateIds,
        Arrays.copyOf(stateKeys, stateIds.size()),
        edgeKeys,
        edgeWeights,
        edgeIds.size());
  }

  private static MarkovChain normalise(
      int order,
      int channels,
      LongIntMap stateIds,
      long[] stateKeys,
      long[] edgeKeys,
      double[] edgeWeights,
      int edges) {
    int states = stateKeys.length;
    int symbols = channels + 2;
    long radix = channels + 1L;
    long shiftModulus = power(radix, order - 1);
    double[] leaving = new double[states]; // weight of all non-self transitions
    double[] converting = new double[states];
    int[] rowStart = new int[states + 1];
    int[] edgeTarget = new int[edges];
    for (int e = 0; e < edges; e++) {
      int from = (int) (edgeKeys[e] / symbols);
      int symbol = (int) (edgeKeys[e] % symbols);
      int to = -1; // -1: absorbing (CONVERSION or NULL)
      if (symbol < channels) {
        to = stateIds.get((stateKeys[from] % shiftModulus) * radix + symbol + 1);
      } else if (symbol == channels) {
        converting[from] += edgeWeights[e];
      }
      edgeTarget[e] = to;
      if (to != from) {
        leaving[from] += edgeWeights[e];
        if (to >= 0) {
          rowStart[from + 1]++;
        }
      }
    }
    for (int s = 0; s < states; s++) {
      rowStart[s + 1] += rowStart[s];
    }
    int[] fill = Arrays.copyOf(rowStart, states);
    int[] target = new int[rowStart[states]];
    double[] probability = new double[rowStart[states]];
    for (int e = 0; e < edges; e++) {
      int from = (int) (edgeKeys[e] / symbols);
      int to = edgeTarget[e];
      if (to >= 0 && to != from) {
        target[fill[from]] = to;
        probability[fill[from]++] = edgeWeights[e] / leaving[from];
      }
    }
    double[] conversion = new double[states];
    for (int s = 0; s < states; s++) {
      conversion[s] = leaving[s] > 0 ? converting[s] / leaving[s] : 0;
    }
    return new MarkovChain(order, channels, stateKeys, rowStart, target, probability, conversion);
  }

  private static long power(long radix, int exponent) {
    long result = 1;
    for (int i = 0; i < exponent; i++) {
      result = Math.multiplyExact(result, radix);
    }
    return result;
  }
}
