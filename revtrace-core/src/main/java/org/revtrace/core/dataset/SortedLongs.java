package org.revtrace.core.dataset;

/** Searches in sorted {@code long} columns (times), which {@link java.util.Arrays} lacks. */
public final class SortedLongs {

  private SortedLongs() {}

  /**
   * The first index in {@code from .. to-1} whose value is ≥ {@code key} ({@code to} when none):
   * unlike {@link java.util.Arrays#binarySearch(long[], long)}, well defined for repeated values.
   */
  public static int lowerBound(long[] sorted, int from, int to, long key) {
    int low = from;
    int high = to;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] < key) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
