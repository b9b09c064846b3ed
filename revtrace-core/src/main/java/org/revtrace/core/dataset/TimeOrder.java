package org.revtrace.core.dataset;

import java.util.Arrays;

/**
 * Stable ordering of rows by a small integer bucket, then by time: a counting sort by bucket, then
 * a primitive sort of each bucket on keys that pack the time and the row's position.
 */
final class TimeOrder {

  /** Bits for a row's position inside its bucket; the time offset takes the upper 32. */
  private static final int POSITION_BITS = 31;

  private TimeOrder() {}

  /**
   * Returns row indexes ordered by bucket then time (ties by row index) and fills {@code start}
   * (length ≥ buckets + 1) with the first position of each bucket.
   */
  static int[] byBucketThenTime(int[] bucketOf, int buckets, long[] time, int[] start) {
    int n = bucketOf.length;
    int[] count = new int[buckets + 1];
    for (int bucket : bucketOf) {
      count[bucket + 1]++;
    }
    for (int b = 0; b < buckets; b++) {
      count[b + 1] += count[b];
    }
    System.arraycopy(count, 0, start, 0, buckets + 1);
    int[] order = new int[n];
    int[] next = Arrays.copyOf(count, buckets);
    for (int i = 0; i < n; i++) {
      order[next[bucketOf[i]]++] = i;
    }
    long minTime = Long.MAX_VALUE;
    long maxTime = Long.MIN_VALUE;
    for (long t : time) {
      minTime = Math.min(minTime, t);
      maxTime = Math.max(maxTime, t);
    }
    // Offsets fit 32 bits for spans under 136 years of seconds; otherwise sort with a comparator.
    long span = maxTime - minTime; // negative when the subtraction overflows
    boolean packable = n == 0 || (span >= 0 && span < (1L << 32));
    long[] keys = new long[0];
    int[] slice = new int[0];
    for (int b = 0; b < buckets; b++) {
      int from = count[b];
      int to = count[b + 1];
      int size = to - from;
      if (size < 2) {
        continue;
      }
      if (size < 32) {
        insertionSort(order, from, to, time);
      } else if (packable) {
        if (keys.length < size) {
          keys = new long[size];
          slice = new int[size];
        }
        for (int k = 0; k < size; k++) {
          slice[k] = order[from + k];
          keys[k] = ((time[slice[k]] - minTime) << POSITION_BITS) | k;
        }
        // Positions rise with row index (the counting sort is stable), so ties keep row order.
        Arrays.sort(keys, 0, size);
        for (int k = 0; k < size; k++) {
          order[from + k] = slice[(int) (keys[k] & ((1L << POSITION_BITS) - 1))];
        }
      } else {
        sortWithComparator(order, from, to, time);
      }
    }
    return order;
  }

  private static void insertionSort(int[] order, int from, int to, long[] time) {
    for (int i = from + 1; i < to; i++) {
      int row = order[i];
      int j = i - 1;
      while (j >= from && isAfter(order[j], row, time)) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = row;
    }
  }

  private static boolean isAfter(int a, int b, long[] time) {
    return time[a] > time[b] || (time[a] == time[b] && a > b);
  }

  private static void sortWithComparator(int[] order, int from, int to, long[] time) {
    Integer[] boxed = new Integer[to - from];
    for (int i = from; i < to; i++) {
      boxed[i - from] = order[i];
    }
    Arrays.sort(
        boxed,
        (a, b) -> {
          int byTime = Long.compare(time[a], time[b]);
          return byTime != 0 ? byTime : Integer.compare(a, b);
        });
    for (int i = from; i < to; i++) {
      order[i] = boxed[i - from];
    }
  }
}
