package org.revtrace.core.attribution.markov;

import java.util.Arrays;

/**
 * The order-k transition structure of a {@link PathTable}, as a sparse row-normalised jump chain.
 *
 * <p>A state is the tuple of the last up-to-k channels, packed into a {@code long} with
 * ceil(log2(C+1)) bits per symbol (0 = "no channel", channel id + 1 otherwise), most recent channel
 * in the lowest bits: a mixed-radix code with a power-of-two radix, so shifting in a channel needs
 * no division. Key 0, the empty tuple, is START and always gets state id 0. CONVERSION and NULL are
 * not stored as states: they are the two absorbing targets of {@link #conversion} and of the
 * remaining mass.
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
    int bits = symbolBits(channels);
    long digitMask = (1L << bits) - 1;
    for (long key = stateKeys[s]; key != 0; key >>>= bits) {
      if ((key & digitMask) == channel + 1) {
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
   *
   * <p>An edge is the key of its source state shifted left by enough bits for a symbol (channel,
   * CONVERSION or NULL); when that space is small (order 1 to 3 with a few dozen channels) counts
   * go straight into a dense array, so the hot loop is a shift, a mask and an add per touchpoint.
   *
   * @throws IllegalArgumentException if a state key would not fit in 62 bits
   */
  static MarkovChain build(PathTable table, int order, boolean withNullPaths) {
    int channels = table.channelNames.length;
    int bits = symbolBits(channels);
    if ((long) bits * order > 62) {
      throw new IllegalArgumentException(
          channels + " channels are too many to encode order-" + order + " states");
    }
    long keyMask = (1L << (bits * order)) - 1;
    int edgeBits = symbolBits(channels + 1);
    EdgeCounts counts = new EdgeCounts(bits * order, edgeBits, channels + 2);

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
      for (int i = offsets[p], end = offsets[p + 1]; i < end; i++) {
        int channel = steps[i];
        counts.add(key, channel, weight);
        key = ((key << bits) | (channel + 1)) & keyMask;
      }
      if (converted > 0) {
        counts.add(key, channels, converted);
      }
      if (notConverted > 0) {
        counts.add(key, channels + 1, notConverted);
      }
    }
    return normalise(order, channels, counts, edgeBits, keyMask);
  }

  /** Returns the bits needed for the values 0..n. */
  private static int symbolBits(int n) {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(n));
  }

  private static MarkovChain normalise(
      int order, int channels, EdgeCounts counts, int edgeBits, long keyMask) {
    int bits = symbolBits(channels);
    long[] edgeKeys = counts.keys();
    double[] edgeWeights = counts.weights();
    int edges = edgeKeys.length;
    long symbolMask = (1L << edgeBits) - 1;
    LongIntMap stateIds = new LongIntMap(keyMask + 1);
    long[] stateKeys = new long[Math.max(1, edges)];
    stateIds.getOrAdd(0L); // START
    int[] from = new int[edges];
    for (int e = 0; e < edges; e++) {
      long key = edgeKeys[e] >>> edgeBits;
      int id = stateIds.getOrAdd(key);
      stateKeys[id] = key;
      from[e] = id;
    }
    int states = stateIds.size();
    double[] leaving = new double[states]; // weight of all non-self transitions
    double[] converting = new double[states];
    int[] rowStart = new int[states + 1];
    int[] edgeTarget = new int[edges];
    for (int e = 0; e < edges; e++) {
      int symbol = (int) (edgeKeys[e] & symbolMask);
      int to = -1; // -1: absorbing (CONVERSION or NULL)
      if (symbol < channels) {
        to = stateIds.get(((stateKeys[from[e]] << bits) | (symbol + 1)) & keyMask);
      } else if (symbol == channels) {
        converting[from[e]] += edgeWeights[e];
      }
      edgeTarget[e] = to;
      if (to != from[e]) {
        leaving[from[e]] += edgeWeights[e];
        if (to >= 0) {
          rowStart[from[e] + 1]++;
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
      int to = edgeTarget[e];
      int s = from[e];
      if (to >= 0 && to != s) {
        target[fill[s]] = to;
        probability[fill[s]++] = edgeWeights[e] / leaving[s];
      }
    }
    double[] conversion = new double[states];
    for (int s = 0; s < states; s++) {
      conversion[s] = leaving[s] > 0 ? converting[s] / leaving[s] : 0;
    }
    return new MarkovChain(
        order,
        channels,
        Arrays.copyOf(stateKeys, states),
        rowStart,
        target,
        probability,
        conversion);
  }

  /**
   * Transition weights keyed by (state key, symbol), stored in the fastest way the key space
   * allows: a dense array indexed by the edge key itself (small spaces), a dense array indexed by a
   * state id from a direct key → id table (up to 2^22 state keys, e.g. order 4 with 31 channels),
   * or an open-addressing map. One final class with a layout switch keeps {@link #add} monomorphic,
   * so the JIT inlines it into the counting loop.
   */
  private static final class EdgeCounts {
    /** How the weights are stored. */
    private enum Layout {
      EDGE_ARRAY,
      STATE_ARRAY,
      HASHED
    }

    private final Layout layout;
    private final int edgeBits;
    private final int symbols;
    private double[] weights;
    private int[] stateIds;
    private long[] stateKeys;
    private int stateCount;
    private LongIntMap edgeIds;
    private long[] hashedKeys;

    EdgeCounts(int keyBits, int edgeBits, int symbols) {
      this.edgeBits = edgeBits;
      this.symbols = symbols;
      if (keyBits + edgeBits <= 22) {
        layout = Layout.EDGE_ARRAY;
        weights = new double[1 << (keyBits + edgeBits)];
      } else if (keyBits <= 22) {
        layout = Layout.STATE_ARRAY;
        stateIds = new int[1 << keyBits];
        Arrays.fill(stateIds, -1);
        stateKeys = new long[1024];
        weights = new double[1024 * symbols];
      } else {
        layout = Layout.HASHED;
        edgeIds = new LongIntMap(0);
        hashedKeys = new long[1024];
        weights = new double[1024];
      }
    }

    void add(long key, int symbol, double weight) {
      switch (layout) {
        case EDGE_ARRAY -> weights[(int) ((key << edgeBits) | symbol)] += weight;
        case STATE_ARRAY -> {
          int id = stateIds[(int) key];
          if (id < 0) {
            id = newState(key);
          }
          weights[id * symbols + symbol] += weight;
        }
        case HASHED -> {
          long edge = (key << edgeBits) | symbol;
          int id = edgeIds.getOrAdd(edge);
          if (id == hashedKeys.length) {
            hashedKeys = Arrays.copyOf(hashedKeys, id * 2);
            weights = Arrays.copyOf(weights, id * 2);
          }
          hashedKeys[id] = edge;
          weights[id] += weight;
        }
      }
    }

    private int newState(long key) {
      int id = stateCount++;
      if (id == stateKeys.length) {
        stateKeys = Arrays.copyOf(stateKeys, id * 2);
        weights = Arrays.copyOf(weights, id * 2 * symbols);
      }
      stateKeys[id] = key;
      stateIds[(int) key] = id;
      return id;
    }

    /** Returns the non-zero edges as (state key << edgeBits | symbol). */
    long[] keys() {
      int slots = slots();
      int n = 0;
      for (int i = 0; i < slots; i++) {
        if (weights[i] != 0) {
          n++;
        }
      }
      long[] keys = new long[n];
      n = 0;
      for (int i = 0; i < slots; i++) {
        if (weights[i] != 0) {
          keys[n++] = edgeKey(i);
        }
      }
      return keys;
    }

    /** Returns the weights of {@link #keys()}, in the same order. */
    double[] weights() {
      int slots = slots();
      double[] compact = new double[slots];
      int n = 0;
      for (int i = 0; i < slots; i++) {
        if (weights[i] != 0) {
          compact[n++] = weights[i];
        }
      }
      return Arrays.copyOf(compact, n);
    }

    private int slots() {
      return switch (layout) {
        case EDGE_ARRAY -> weights.length;
        case STATE_ARRAY -> stateCount * symbols;
        case HASHED -> edgeIds.size();
      };
    }

    private long edgeKey(int slot) {
      return switch (layout) {
        case EDGE_ARRAY -> slot;
        case STATE_ARRAY -> (stateKeys[slot / symbols] << edgeBits) | (slot % symbols);
        case HASHED -> hashedKeys[slot];
      };
    }
  }
}
