package org.revtrace.core.attribution;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.revtrace.core.attribution.ShapleySettings.ValueFunction;

/**
 * Shapley values of the channel coalitions' game (docs/definitions/shapley.md).
 *
 * <p>The game: {@code v(S) = Σ_{T⊆S} conv(T)} (conversions) or {@code v(S) = Σ_{T⊆S} conv(T) /
 * Σ_{T⊆S} (conv(T) + null(T))} (conversion rate, 0 when no journey fits in S), T over the observed
 * coalitions. The Shapley value (Shapley 1953) is {@code φ_c = Σ_{S⊆N∖{c}} |S|!(n−|S|−1)!/n! ·
 * (v(S∪{c}) − v(S))}; it is efficient: {@code Σ φ_c = v(N) − v(∅)}.
 */
final class ShapleyValues {

  /** Probability that the Monte-Carlo error bound fails for some channel. */
  static final double DELTA = 0.05;

  /**
   * Values per player, with the Hoeffding half-width {@code errorBound} (0 unless sampled) that
   * holds for every player at once with probability at least {@code 1 − DELTA}.
   */
  record Values(
      double[] phi, ShapleyResult.Computation computation, int permutations, double errorBound) {}

  private ShapleyValues() {}

  /** Exact values by the Shapley formula over all 2^n coalitions, in O(2^n · n). */
  static Values exact(Coalitions game, ValueFunction function) {
    int n = game.players();
    if (n > ShapleySettings.EXACT_CHANNEL_LIMIT) {
      throw new IllegalArgumentException("too many channels for exact Shapley values: " + n);
    }
    int size = 1 << n;
    double[] value = new double[size];
    double[] total = function == ValueFunction.CONVERSION_RATE ? new double[size] : null;
    for (int t = 0; t < game.members.length; t++) {
      int mask = 0;
      for (int p : game.members[t]) {
        mask |= 1 << p;
      }
      value[mask] += game.conversions[t];
      if (total != null) {
        total[mask] += game.conversions[t] + game.nulls[t];
      }
    }
    subsetSums(value, n);
    if (total != null) {
      subsetSums(total, n);
      for (int s = 0; s < size; s++) {
        value[s] = total[s] > 0 ? value[s] / total[s] : 0;
      }
    }
    // weight[k] = k!(n−k−1)!/n!: weight[0] = 1/n and weight[k] = weight[k−1] · k/(n−k).
    double[] weight = new double[Math.max(n, 1)];
    weight[0] = n == 0 ? 0 : 1.0 / n;
    for (int k = 1; k < n; k++) {
      weight[k] = weight[k - 1] * k / (n - k);
    }
    double[] phi = new double[n];
    for (int s = 0; s < size; s++) {
      double w = weight[Math.min(Integer.bitCount(s), Math.max(n - 1, 0))];
      double v = value[s];
      for (int c = 0; c < n; c++) {
        int bit = 1 << c;
        if ((s & bit) == 0) {
          phi[c] += w * (value[s | bit] - v);
        }
      }
    }
    return new Values(phi, ShapleyResult.Computation.EXACT, 0, 0);
  }

  /**
   * The zeta (sum-over-subsets) transform in place: {@code a[S] ← Σ_{T⊆S} a[T]} in O(2^n · n)
   * (Yates 1937; Knuth, TAOCP 4A §7.1.3).
   */
  static void subsetSums(double[] a, int n) {
    for (int i = 0; i < n; i++) {
      int bit = 1 << i;
      for (int s = 0; s < a.length; s++) {
        if ((s & bit) != 0) {
          a[s] += a[s ^ bit];
        }
      }
    }
  }

  /**
   * Zhao et al. (2018) simplified Shapley value {@code φ_c = Σ_{T∋c} conv(T) / |T|}: equal to the
   * exact value of the conversions game, whose Harsanyi dividends are the {@code conv(T)}.
   */
  static Values simplified(Coalitions game) {
    double[] phi = new double[game.players()];
    for (int t = 0; t < game.members.length; t++) {
      int[] set = game.members[t];
      for (int p : set) {
        phi[p] += game.conversions[t] / set.length;
      }
    }
    return new Values(phi, ShapleyResult.Computation.SIMPLIFIED, 0, 0);
  }

  /**
   * Estimates by {@code m} random permutations (Castro, Gómez, Tejada 2009): each player's mean
   * marginal contribution on joining its predecessors. Every marginal lies in {@code [a, b]}
   * ({@code [0, C]} for conversions, {@code [−1, 1]} for rates), so by Hoeffding's inequality and a
   * union bound over n players, {@code |φ̂_c − φ_c| ≤ (b − a)·√(ln(2n/δ) / (2m))} for all c with
   * probability at least {@code 1 − δ}.
   */
  static Values monteCarlo(Coalitions game, ValueFunction function, int m, long seed) {
    int n = game.players();
    int sets = game.members.length;
    double[] phi = new double[n];
    if (n == 0) {
      return new Values(phi, ShapleyResult.Computation.MONTE_CARLO, m, 0);
    }
    boolean rate = function == ValueFunction.CONVERSION_RATE;
    int[] order = new int[n];
    int[] position = new int[n];
    int[] bucketStart = new int[n + 2];
    int[] completion = new int[sets];
    int[] byCompletion = new int[sets];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int round = 0; round < m; round++) {
      for (int i = n - 1; i > 0; i--) {
        int k = random.nextInt(i + 1);
        int swap = order[i];
        order[i] = order[k];
        order[k] = swap;
      }
      for (int i = 0; i < n; i++) {
        position[order[i]] = i;
      }
      // A coalition T enters v(prefix) when its last member (in this order) joins; ∅ at once.
      Arrays.fill(bucketStart, 0);
      for (int t = 0; t < sets; t++) {
        int last = -1;
        for (int p : game.members[t]) {
          last = Math.max(last, position[p]);
        }
        completion[t] = last + 1;
        bucketStart[last + 2]++;
      }
      for (int i = 1; i < bucketStart.length; i++) {
        bucketStart[i] += bucketStart[i - 1];
      }
      for (int t = 0; t < sets; t++) {
        byCompletion[bucketStart[completion[t]]++] = t;
      }
      // bucketStart[b] is now the end of bucket b.
      int next = 0;
      double conversions = 0;
      double total = 0;
      for (; next < bucketStart[0]; next++) {
        conversions += game.conversions[byCompletion[next]];
        total += game.conversions[byCompletion[next]] + game.nulls[byCompletion[next]];
      }
      double before = rate ? (total > 0 ? conversions / total : 0) : conversions;
      for (int i = 0; i < n; i++) {
        for (; next < bucketStart[i + 1]; next++) {
          conversions += game.conversions[byCompletion[next]];
          total += game.conversions[byCompletion[next]] + game.nulls[byCompletion[next]];
        }
        double after = rate ? (total > 0 ? conversions / total : 0) : conversions;
        phi[order[i]] += after - before;
        before = after;
      }
    }
    for (int c = 0; c < n; c++) {
      phi[c] /= m;
    }
    double range = rate ? 2 : game.totalConversions();
    return new Values(phi, ShapleyResult.Computation.MONTE_CARLO, m, errorBound(range, n, m));
  }

  /** Hoeffding half-width {@code range · √(ln(2n/δ) / (2m))} for n players, m permutations. */
  static double errorBound(double range, int n, int m) {
    return range * Math.sqrt(Math.log(2.0 * n / DELTA) / (2.0 * m));
  }
}
