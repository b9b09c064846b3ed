package org.revtrace.core.audit.check;

/** Optimal-string-alignment (restricted Damerau–Levenshtein) distance with an early cut-off. */
final class EditDistance {

  private EditDistance() {}

  /**
   * Whether {@code a} becomes {@code b} in at most {@code limit} edits (insert, delete, substitute,
   * swap neighbours).
   */
  static boolean within(String a, String b, int limit) {
    return distance(a, b, limit) <= limit;
  }

  /** The distance, or {@code limit + 1} as soon as it must exceed {@code limit}. */
  static int distance(String a, String b, int limit) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > limit) {
      return limit + 1;
    }
    int[] twoBack = new int[m + 1];
    int[] previous = new int[m + 1];
    int[] current = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      current[0] = i;
      int rowMin = current[0];
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, twoBack[j - 2] + 1);
        }
        current[j] = best;
        rowMin = Math.min(rowMin, best);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] spare = twoBack;
      twoBack = previous;
      previous = current;
      current = spare;
    }
    return Math.min(previous[m], limit + 1);
  }
}
