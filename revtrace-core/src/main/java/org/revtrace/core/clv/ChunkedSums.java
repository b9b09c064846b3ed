package org.revtrace.core.clv;

import java.util.stream.IntStream;

/**
 * Sums over many customers in fixed-size chunks, the chunks on the common fork-join pool and added
 * in chunk order, so results are the same on any number of cores.
 */
final class ChunkedSums {

  /** Adds the quantities of indexes {@code from .. to-1} into {@code sums}. */
  interface Chunk {
    void addTo(int from, int to, double[] sums);
  }

  private ChunkedSums() {}

  /** {@code k} sums over indexes {@code 0 .. size-1} in chunks of {@code chunkSize}. */
  static double[] of(int size, int chunkSize, int k, Chunk chunk) {
    int chunks = (size + chunkSize - 1) / chunkSize;
    double[][] partial = new double[chunks][k];
    IntStream stream = IntStream.range(0, chunks);
    if (chunks > 1) {
      stream = stream.parallel();
    }
    stream.forEach(
        c -> chunk.addTo(c * chunkSize, Math.min(size, (c + 1) * chunkSize), partial[c]));
    double[] total = new double[k];
    for (double[] part : partial) {
      for (int j = 0; j < k; j++) {
        total[j] += part[j];
      }
    }
    return total;
  }
}
