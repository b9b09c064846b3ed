package org.revtrace.core.dataset;

import java.util.Arrays;

/**
 * Stable ordering of rows by a small integer bucket, then by time: a counting sort, then per-bucket
 * sorts.
 */
final class TimeOrder {

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
    long[] keys = new long[0];
    for (int b = 0; b < buckets; b++) {
      int from = count[b];
      int to = count[b + 1];
      if (to - from < 2) {
        continue;
      }
      if (to - from < 32) {
        insertionSort(order, from, to, time);
        continue;
      }
      if (keys.length < to - from) {
        keys = new long[to - from];
      }
      sortSlice(order, from, to, time, keys);
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

  private static void sortSlice(int[] order, int from, int to, long[] time, long[] keys) {
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
