package org.revtrace.core.attribution.markov;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Solves for the probability of reaching CONVERSION from every state of a {@link MarkovChain}.
 *
 * <p>With x_s the probability of absorption in CONVERSION from s, first-step analysis gives the
 * linear system {@code x_s = conversion_s + Σ_t P(s→t) x_t} (Kemeny &amp; Snell, <i>Finite Markov
 * Chains</i>, 1960, §3.3: {@code x = (I − Q)^{-1} r}). Removed states are fixed at {@code x = 0},
 * which is the same as redirecting every transition into them to NULL.
 *
 * <p>Two exact methods: dense Gaussian elimination with partial pivoting for small chains (order 1
 * has at most C + 1 states), and Gauss–Seidel sweeps for large sparse chains. {@code I − Q} is a
 * non-singular M-matrix (every state reaches an absorbing state), so Gauss–Seidel converges
 * monotonically from below when started at 0 (regular splittings of M-matrices: Varga, <i>Matrix
 * Iterative Analysis</i>, ch. 3); sweeps stop when the largest change of any x_s falls below {@link
 * #TOLERANCE}.
 */
final class AbsorptionSolver {
  /** Largest state count solved densely: (n³/3 flops stays under ~6 M). */
  static final int DENSE_LIMIT = 256;

  /** Gauss–Seidel stops once no x_s changes by more than this in a sweep. */
  static final double TOLERANCE = 1e-14;

  private static final int MAX_SWEEPS = 100_000;

  private final MarkovChain chain;
  private final int[] sweepOrder;

  private final SweepRows rows;

  /**
   * The sparse rows renumbered so that sweep position i is row i: a sweep then reads its rows front
   * to back, and states updated close together sit close together in x.
   */
  private record SweepRows(
      int[] rowStart, int[] target, double[] probability, double[] conversion) {}

  AbsorptionSolver(MarkovChain chain) {
    this(chain, chain.states <= DENSE_LIMIT);
  }

  /** Creates a solver that uses the dense method if {@code dense}, else Gauss–Seidel. */
  AbsorptionSolver(MarkovChain chain, boolean dense) {
    this.chain = chain;
    this.sweepOrder = dense ? null : deepestFirst(chain);
    this.rows = dense ? null : renumber(chain, sweepOrder);
  }

  private static SweepRows renumber(MarkovChain chain, int[] sweepOrder) {
    int n = chain.states;
    int[] position = new int[n];
    for (int i = 0; i < n; i++) {
      position[sweepOrder[i]] = i;
    }
    int[] sweepRowStart = new int[n + 1];
    int[] sweepTarget = new int[chain.target.length];
    double[] sweepProbability = new double[chain.target.length];
    double[] sweepConversion = new double[n];
    int next = 0;
    for (int i = 0; i < n; i++) {
      int s = sweepOrder[i];
      sweepConversion[i] = chain.conversion[s];
      for (int e = chain.rowStart[s]; e < chain.rowStart[s + 1]; e++) {
        sweepTarget[next] = position[chain.target[e]];
        sweepProbability[next++] = chain.probability[e];
      }
      sweepRowStart[i + 1] = next;
    }
    return new SweepRows(sweepRowStart, sweepTarget, sweepProbability, sweepConversion);
  }

  /** Returns x for every state; states with {@code removed[s]} get 0. */
  double[] solve(boolean[] removed, double[] start) {
    return sweepOrder == null ? solveDense(removed) : solveSparse(removed, start);
  }

  /** Returns which states have a path of positive probability to CONVERSION. */
  boolean[] reachesConversion() {
    int n = chain.states;
    int[] reverseStart = new int[n + 1];
    for (int t : chain.target) {
      reverseStart[t + 1]++;
    }
    for (int s = 0; s < n; s++) {
      reverseStart[s + 1] += reverseStart[s];
    }
    int[] fill = Arrays.copyOf(reverseStart, n);
    int[] source = new int[chain.target.length];
    for (int s = 0; s < n; s++) {
      for (int e = chain.rowStart[s]; e < chain.rowStart[s + 1]; e++) {
        source[fill[chain.target[e]]++] = s;
      }
    }
    boolean[] reaches = new boolean[n];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int s = 0; s < n; s++) {
      if (chain.conversion[s] > 0) {
        reaches[s] = true;
        queue.add(s);
      }
    }
    while (!queue.isEmpty()) {
      int t = queue.poll();
      for (int e = reverseStart[t]; e < reverseStart[t + 1]; e++) {
        if (!reaches[source[e]]) {
          reaches[source[e]] = true;
          queue.add(source[e]);
        }
      }
    }
    return reaches;
  }

  private double[] solveDense(boolean[] removed) {
    int n = chain.states;
    double[][] a = new double[n][n + 1]; // augmented [I − Q | r]
    for (int s = 0; s < n; s++) {
      a[s][s] = 1;
      if (removed[s]) {
        continue;
      }
      for (int e = chain.rowStart[s]; e < chain.rowStart[s + 1]; e++) {
        a[s][chain.target[e]] -= chain.probability[e];
      }
      a[s][n] = chain.conversion[s];
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int row = col + 1; row < n; row++) {
        if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
          pivot = row;
        }
      }
      double[] swap = a[col];
      a[col] = a[pivot];
      a[pivot] = swap;
      double[] pivotRow = a[col];
      for (int row = col + 1; row < n; row++) {
        double factor = a[row][col] / pivotRow[col];
        if (factor != 0) {
          double[] r = a[row];
          for (int k = col; k <= n; k++) {
            r[k] -= factor * pivotRow[k];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int row = n - 1; row >= 0; row--) {
      double sum = a[row][n];
      for (int k = row + 1; k < n; k++) {
        sum -= a[row][k] * x[k];
      }
      x[row] = removed[row] ? 0 : sum / a[row][row];
    }
    return x;
  }

  private double[] solveSparse(boolean[] removed, double[] start) {
    int n = chain.states;
    double[] x = new double[n];
    boolean[] fixed = new boolean[n];
    for (int i = 0; i < n; i++) {
      int s = sweepOrder[i];
      fixed[i] = removed[s];
      x[i] = removed[s] ? 0 : start[s];
    }
    int[] rowStart = rows.rowStart();
    int[] target = rows.target();
    double[] probability = rows.probability();
    double[] conversion = rows.conversion();
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double change = 0;
      for (int i = 0; i < n; i++) {
        if (fixed[i]) {
          continue;
        }
        double value = conversion[i];
        for (int e = rowStart[i], end = rowStart[i + 1]; e < end; e++) {
          value += probability[e] * x[target[e]];
        }
        change = Math.max(change, Math.abs(value - x[i]));
        x[i] = value;
      }
      if (change < TOLERANCE) {
        double[] result = new double[n];
        for (int i = 0; i < n; i++) {
          result[sweepOrder[i]] = x[i];
        }
        return result;
      }
    }
    throw new IllegalStateException(
        "Gauss-Seidel did not converge in " + MAX_SWEEPS + " sweeps over " + n + " states");
  }

  /**
   * Orders states by decreasing breadth-first distance from START, so that a sweep mostly updates a
   * state after the states it leads to: on chains built from paths that is close to a reverse
   * topological order and cuts the number of sweeps several-fold.
   */
  private static int[] deepestFirst(MarkovChain chain) {
    int n = chain.states;
    int[] distance = new int[n];
    Arrays.fill(distance, -1);
    int[] queue = new int[n];
    int head = 0;
    int tail = 0;
    queue[tail++] = 0;
    distance[0] = 0;
    while (head < tail) {
      int s = queue[head++];
      for (int e = chain.rowStart[s]; e < chain.rowStart[s + 1]; e++) {
        int t = chain.target[e];
        if (distance[t] < 0) {
          distance[t] = distance[s] + 1;
          queue[tail++] = t;
        }
      }
    }
    // BFS order reversed: deepest first; unreachable states (none in practice) go first.
    int[] order = new int[n];
    int next = 0;
    for (int s = 0; s < n; s++) {
      if (distance[s] < 0) {
        order[next++] = s;
      }
    }
    for (int i = tail - 1; i >= 0; i--) {
      order[next++] = queue[i];
    }
    return order;
  }
}
