package org.revtrace.core.clv;

/**
 * Customers grouped by identical {@code (x, t_x, T)}: the BG/NBD and Pareto/NBD likelihoods and
 * predictions depend on nothing else, so each distinct triple is computed once and weighted by its
 * count. Recency and age values are themselves indexed so per-value logarithms are tabulated.
 */
final class SummaryGroups {

  /** Groups per chunk of the parallel sum; fixed so the summation order never depends on cores. */
  private static final int CHUNK = 4096;

  final int size;
  final int[] x;
  final int[] recencyIndex;
  final int[] ageIndex;
  final double[] weight;
  final double[] recencyValues;
  final double[] ageValues;
  final int maxX;

  /** Group of each customer row. */
  final int[] groupOfCustomer;

  SummaryGroups(CustomerSummary summary) {
    int n = summary.size();
    LongIds recencyIds = new LongIds(1024);
    LongIds ageIds = new LongIds(1024);
    int[] rIndex = new int[n];
    int[] aIndex = new int[n];
    int highestX = 0;
    for (int i = 0; i < n; i++) {
      rIndex[i] = recencyIds.encode(Double.doubleToLongBits(summary.recency()[i] + 0.0));
      aIndex[i] = ageIds.encode(Double.doubleToLongBits(summary.age()[i] + 0.0));
      highestX = Math.max(highestX, summary.frequency()[i]);
    }
    recencyValues = new double[recencyIds.size()];
    ageValues = new double[ageIds.size()];
    for (int i = 0; i < n; i++) {
      recencyValues[rIndex[i]] = summary.recency()[i];
      ageValues[aIndex[i]] = summary.age()[i];
    }
    LongIds pairs = new LongIds(1024);
    LongIds triples = new LongIds(1024);
    groupOfCustomer = new int[n];
    long xs = highestX + 1L;
    for (int i = 0; i < n; i++) {
      int pair = pairs.encode((long) rIndex[i] * ageValues.length + aIndex[i]);
      groupOfCustomer[i] = triples.encode(pair * xs + summary.frequency()[i]);
    }
    size = triples.size();
    x = new int[size];
    recencyIndex = new int[size];
    ageIndex = new int[size];
    weight = new double[size];
    for (int i = 0; i < n; i++) {
      int g = groupOfCustomer[i];
      x[g] = summary.frequency()[i];
      recencyIndex[g] = rIndex[i];
      ageIndex[g] = aIndex[i];
      weight[g]++;
    }
    maxX = highestX;
  }

  /** A per-group quantity. */
  interface GroupTerm {
    double at(int group);
  }

  /** Several per-group quantities, added into {@code sums} weighted by the group's count. */
  interface GroupTerms {
    void addTo(int group, double weight, double[] sums);
  }

  /** Sums of {@code k} weighted per-group quantities, in parallel chunks added in a fixed order. */
  double[] weightedSums(int k, GroupTerms terms) {
    return ChunkedSums.of(
        size,
        CHUNK,
        k,
        (from, to, sums) -> {
          for (int g = from; g < to; g++) {
            terms.addTo(g, weight[g], sums);
          }
        });
  }

  /** Sum of {@code weight[g] * term(g)} over groups, in parallel chunks added in a fixed order. */
  double weightedSum(GroupTerm term) {
    return ChunkedSums.of(
        size,
        CHUNK,
        1,
        (from, to, sums) -> {
          for (int g = from; g < to; g++) {
            sums[0] += weight[g] * term.at(g);
          }
        })[0];
  }
}
