package org.revtrace.app.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Writes a deterministic synthetic path file in the ChannelAttribution layout for benchmarks.
 *
 * <p>16 channels with skewed popularity; each next touch repeats the current channel with
 * probability 0.3, else follows a per-channel random transition table, so higher-order chains have
 * real structure; path length is 1 + geometric with mean 5, capped at 60, which after rejecting
 * repeated short paths gives a mean of about 10. Every path stands for 1 + geometric(mean 3)
 * journeys, each converting with a probability that rises with the distinct channels touched; a
 * conversion is worth 50.00 to 250.00. Paths are unique (a repeated path is drawn again). The same
 * {@code seed} gives the same bytes.
 */
public final class PathFileGenerator {
  static final String[] CHANNELS = {
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda",
    "mi", "ni", "xi", "omicron", "pi"
  };

  private static final int MAX_LENGTH = 60;
  private static final byte[] ARROW = " > ".getBytes(StandardCharsets.US_ASCII);

  private PathFileGenerator() {}

  /** Writes {@code paths} unique paths to {@code file} (atomically, through a temporary file). */
  public static void write(Path file, int paths, long seed) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 20)) {
      write(out, paths, seed);
    }
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Writes {@code paths} unique paths to {@code out}. */
  public static void write(OutputStream out, int paths, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    int channels = CHANNELS.length;
    double[] firstTouch = cumulative(zipf(channels, random));
    double[][] next = new double[channels][];
    double[] lift = new double[channels];
    for (int c = 0; c < channels; c++) {
      next[c] = cumulative(zipf(channels, random));
      lift[c] = 0.02 + 0.10 * random.nextDouble();
    }
    byte[][] names = new byte[channels][];
    for (int c = 0; c < channels; c++) {
      names[c] = CHANNELS[c].getBytes(StandardCharsets.US_ASCII);
    }
    LongSet seen = new LongSet(paths);
    int[] path = new int[MAX_LENGTH];
    boolean[] touched = new boolean[channels];
    Line line = new Line();
    out.write(
        "path;total_conversions;total_conversion_value;total_null\n"
            .getBytes(StandardCharsets.US_ASCII));
    for (int p = 0; p < paths; p++) {
      int length;
      do {
        length = Math.min(MAX_LENGTH, 1 + geometric(random, 5));
        path[0] = pick(firstTouch, random);
        for (int i = 1; i < length; i++) {
          path[i] = random.nextDouble() < 0.3 ? path[i - 1] : pick(next[path[i - 1]], random);
        }
      } while (!seen.add(fingerprint(path, length)));

      Arrays.fill(touched, false);
      double probability = 0.03;
      for (int i = 0; i < length; i++) {
        if (!touched[path[i]]) {
          touched[path[i]] = true;
          probability += lift[path[i]] * (1 - probability);
        }
      }
      int journeys = 1 + geometric(random, 2);
      long conversions = 0;
      long cents = 0;
      for (int j = 0; j < journeys; j++) {
        if (random.nextDouble() < probability) {
          conversions++;
          cents += 5_000 + random.nextInt(20_001);
        }
      }
      line.reset();
      for (int i = 0; i < length; i++) {
        if (i > 0) {
          line.append(ARROW);
        }
        line.append(names[path[i]]);
      }
      line.append(';').append(conversions).append(';').append(cents / 100).append('.');
      line.append((char) ('0' + cents % 100 / 10)).append((char) ('0' + cents % 10));
      line.append(';').append(journeys - conversions).append('\n');
      out.write(line.bytes, 0, line.size);
    }
  }

  private static double[] zipf(int n, SplittableRandom random) {
    double[] weights = new double[n];
    int offset = random.nextInt(n);
    for (int i = 0; i < n; i++) {
      weights[(i + offset) % n] = 1.0 / (i + 1);
    }
    return weights;
  }

  private static double[] cumulative(double[] weights) {
    double[] cumulative = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      cumulative[i] = sum;
    }
    for (int i = 0; i < weights.length; i++) {
      cumulative[i] /= sum;
    }
    return cumulative;
  }

  private static int pick(double[] cumulative, SplittableRandom random) {
    double u = random.nextDouble();
    int i = 0;
    while (i < cumulative.length - 1 && cumulative[i] <= u) {
      i++;
    }
    return i;
  }

  /** Returns a geometric number of failures with the given mean (inverse transform). */
  private static int geometric(SplittableRandom random, double mean) {
    double p = 1 / (1 + mean);
    return (int) (Math.log1p(-random.nextDouble()) / Math.log1p(-p));
  }

  private static long fingerprint(int[] path, int length) {
    long h = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < length; i++) {
      h = (h ^ (path[i] + 1)) * 0xff51afd7ed558ccdL;
      h ^= h >>> 29;
    }
    return (h ^ length) * 0xc4ceb9fe1a85ec53L;
  }

  /** A growable ASCII line buffer. */
  private static final class Line {
    byte[] bytes = new byte[1024];
    int size;

    void reset() {
      size = 0;
    }

    Line append(byte[] text) {
      ensure(text.length);
      System.arraycopy(text, 0, bytes, size, text.length);
      size += text.length;
      return this;
    }

    Line append(String text) {
      return append(text.getBytes(StandardCharsets.US_ASCII));
    }

    Line append(char c) {
      ensure(1);
      bytes[size++] = (byte) c;
      return this;
    }

    Line append(long value) {
      return append(Long.toString(value));
    }

    private void ensure(int extra) {
      if (size + extra > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
      }
    }
  }

  /** An open-addressing set of path fingerprints (0 is stored out of line). */
  private static final class LongSet {
    private final long[] slots;
    private boolean hasZero;

    LongSet(int expected) {
      slots = new long[Integer.highestOneBit(Math.max(16, expected * 3)) * 2];
    }

    boolean add(long key) {
      if (key == 0) {
        boolean added = !hasZero;
        hasZero = true;
        return added;
      }
      int mask = slots.length - 1;
      int slot = (int) (key ^ (key >>> 32)) & mask;
      while (slots[slot] != 0) {
        if (slots[slot] == key) {
          return false;
        }
        slot = (slot + 1) & mask;
      }
      slots[slot] = key;
      return true;
    }
  }
}
