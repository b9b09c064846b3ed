package org.revtrace.ingest.paths;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.revtrace.core.attribution.markov.PathTable;
import org.revtrace.core.model.RowError;

/**
 * Reads aggregated paths in the ChannelAttribution layout into a {@link PathTable}.
 *
 * <p>Format: UTF-8 text, a header line, then one path per line with the columns named in the
 * header, in any order: {@code path} and {@code total_conversions} are required, {@code
 * total_conversion_value} and {@code total_null} are optional (0 when absent). The separator is
 * {@code ;} if the header contains one, else {@code ,}; fields are not quoted. Channels in a path
 * are separated by {@code >} and trimmed ({@code "a > b"} is a, b). Counts are whole numbers ≥ 0
 * ({@code "3.0"} is accepted), values decimal numbers ≥ 0 with a {@code .} separator. Blank lines
 * and a byte-order mark are skipped; {@code \r\n} line ends are fine.
 *
 * <p>Bad lines become {@link RowError}s and the other lines are kept; only I/O failures throw. The
 * reader works on bytes in 1 MiB chunks: no regex, no String per field, channel names looked up by
 * their bytes.
 */
public final class PathFileReader {
  private static final long PARALLEL_BYTES = 8 << 20;
  private static final int MAX_PARTS = 4;

  private PathFileReader() {}

  /**
   * Reads {@code file}; errors name it by its file name. Files over 8 MiB are split at line
   * boundaries into one part per core (at most {@value #MAX_PARTS}), parsed in parallel and
   * concatenated, which gives exactly the table and errors of a sequential read.
   */
  public static PathFileResult read(Path file) throws IOException {
    String fileName = String.valueOf(file.getFileName());
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      int parts =
          size < PARALLEL_BYTES
              ? 1
              : Math.min(MAX_PARTS, Runtime.getRuntime().availableProcessors());
      if (parts > 1) {
        PathFileResult result = readInParts(channel, size, fileName, parts);
        if (result != null) {
          return result;
        }
      }
      return new PathFileParser(fileName).run(new RangeInputStream(channel, 0, size));
    }
  }

  /** Reads the header, then the rest in parts; returns null if the header is unusual. */
  private static PathFileResult readInParts(
      FileChannel channel, long size, String fileName, int parts) throws IOException {
    byte[] start = new byte[(int) Math.min(size, PathFileParser.CHUNK)];
    int length = readFully(channel, start, 0);
    PathFileParser head = new PathFileParser(fileName);
    int position = 0;
    while (!head.headerSeen && position < length) {
      int next = head.header(start, position, length, length == size);
      if (next < 0) {
        break;
      }
      position = next;
    }
    if (!head.headerSeen || !head.headerValid) {
      return null; // let the sequential read report it
    }
    long[] bounds = new long[parts + 1];
    bounds[0] = position;
    bounds[parts] = size;
    for (int k = 1; k < parts; k++) {
      bounds[k] = nextLineStart(channel, Math.max(bounds[k - 1], size / parts * k), size);
    }
    PathFileParser[] parsers = new PathFileParser[parts];
    PathFileResult[] results = new PathFileResult[parts];
    Throwable[] failures = new Throwable[parts];
    Thread[] threads = new Thread[parts];
    parsers[0] = head;
    for (int k = 1; k < parts; k++) {
      parsers[k] = head.withSameHeader();
      int part = k;
      threads[k] =
          new Thread(
              () -> {
                try {
                  results[part] =
                      parsers[part].run(
                          new RangeInputStream(channel, bounds[part], bounds[part + 1]));
                } catch (IOException | RuntimeException | Error e) {
                  failures[part] = e;
                }
              },
              "path-file-reader-" + k);
      threads[k].start();
    }
    results[0] = head.run(new RangeInputStream(channel, bounds[0], bounds[1]));
    for (int k = 1; k < parts; k++) {
      try {
        threads[k].join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while reading " + fileName, e);
      }
      if (failures[k] instanceof IOException io) {
        throw io;
      } else if (failures[k] instanceof RuntimeException runtime) {
        throw runtime;
      } else if (failures[k] instanceof Error error) {
        throw error;
      }
    }
    List<PathTable> tables = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    long lineOffset = 0;
    for (int k = 0; k < parts; k++) {
      tables.add(results[k].paths());
      for (RowError e : results[k].errors()) {
        errors.add(
            new RowError(
                e.file(), e.line() + lineOffset, e.field(), e.code(), e.raw(), e.message()));
      }
      lineOffset += parsers[k].lineNumber;
    }
    return new PathFileResult(PathTable.concat(tables), errors);
  }

  private static int readFully(FileChannel channel, byte[] bytes, long position)
      throws IOException {
    int total = 0;
    while (total < bytes.length) {
      int read =
          channel.read(ByteBuffer.wrap(bytes, total, bytes.length - total), position + total);
      if (read < 0) {
        break;
      }
      total += read;
    }
    return total;
  }

  /**
   * Returns the position just after the first newline at or after {@code from}, or {@code size}.
   */
  private static long nextLineStart(FileChannel channel, long from, long size) throws IOException {
    byte[] chunk = new byte[1 << 16];
    for (long position = from; position < size; position += chunk.length) {
      int read = readFully(channel, chunk, position);
      for (int i = 0; i < read; i++) {
        if (chunk[i] == '\n') {
          return position + i + 1;
        }
      }
    }
    return size;
  }

  /** Reads a path file from {@code in} (not closed); errors name it {@code fileName}. */
  public static PathFileResult read(InputStream in, String fileName) throws IOException {
    return new PathFileParser(fileName).run(in);
  }
}
