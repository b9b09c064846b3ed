package org.revtrace.ingest.canonical;

import java.util.Arrays;

/** An append-only, increasing set of line numbers with a range query. */
final class LineSet {

  private long[] lines = new long[4];
  private int size;

  void add(long line) {
    if (size > 0 && lines[size - 1] == line) {
      return;
    }
    if (size == lines.length) {
      lines = Arrays.copyOf(lines, size * 2);
    }
    lines[size++] = line;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The first line in {@code [from, to]}, or -1 when none is. */
  long firstIn(long from, long to) {
    int index = Arrays.binarySearch(lines, 0, size, from);
    if (index < 0) {
      index = -index - 1;
    }
    return index < size && lines[index] <= to ? lines[index] : -1;
  }
}
