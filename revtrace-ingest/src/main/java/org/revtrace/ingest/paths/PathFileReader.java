package org.revtrace.ingest.paths;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.revtrace.core.attribution.markov.PathTable;

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
 * <p>Bad lines become {@link PathRowError}s and the other lines are kept; only I/O failures throw.
 * The reader works on bytes in 1 MiB chunks: no regex, no String per field, channel names looked up
 * by their bytes.
 */
public final class PathFileReader {
  private static final int CHUNK = 1 << 20;
  private static final String PATH = "path";
  private static final String CONVERSIONS = "total_conversions";
  private static final String VALUE = "total_conversion_value";
  private static final String NULLS = "total_null";

  private PathFileReader() {}

  /** Reads {@code file}; errors name it by its file name. */
  public static PathFileResult read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, String.valueOf(file.getFileName()));
    }
  }

  /** Reads a path file from {@code in} (not closed); errors name it {@code fileName}. */
  public static PathFileResult read(InputStream in, String fileName) throws IOException {
    return new Parse(fileName).run(in);
  }

  /** The state of one read: header layout, buffers, builder and errors. */
  private static final class Parse {
    private final String fileName;
    private final PathTable.Builder builder = PathTable.builder();
    private final ChannelDictionary channels = new ChannelDictionary(builder);
    private final List<PathRowError> errors = new ArrayList<>();
    private byte separator = ';';
    private String[] columns;
    private int pathColumn = -1;
    private int conversionsColumn = -1;
    private int valueColumn = -1;
    private int nullsColumn = -1;
    private int[] fieldStart;
    private int[] fieldEnd;
    private int[] pieceStart = new int[64];
    private int[] pieceEnd = new int[64];
    private int[] ids = new int[64];
    private long lineNumber;
    private boolean headerSeen;
    private boolean headerValid;

    Parse(String fileName) {
      this.fileName = fileName;
    }

    PathFileResult run(InputStream in) throws IOException {
      byte[] buffer = new byte[CHUNK];
      int filled = 0;
      while (true) {
        int read = in.read(buffer, filled, buffer.length - filled);
        if (read < 0) {
          break;
        }
        filled += read;
        int lineStart = 0;
        for (int i = indexOf(buffer, lineStart, filled);
            i >= 0;
            i = indexOf(buffer, lineStart, filled)) {
          line(buffer, lineStart, i);
          lineStart = i + 1;
        }
        int rest = filled - lineStart;
        if (lineStart == 0 && rest == buffer.length) {
          buffer = Arrays.copyOf(buffer, buffer.length * 2); // one line longer than the buffer
        } else {
          System.arraycopy(buffer, lineStart, buffer, 0, rest);
        }
        filled = rest;
      }
      if (filled > 0) {
        line(buffer, 0, filled);
      }
      if (!headerSeen) {
        errors.add(new PathRowError(fileName, 1, "header", PathRowError.Code.MISSING_HEADER, ""));
      }
      return new PathFileResult(builder.build(), errors);
    }

    private static int indexOf(byte[] bytes, int from, int to) {
      for (int i = from; i < to; i++) {
        if (bytes[i] == '\n') {
          return i;
        }
      }
      return -1;
    }

    private void line(byte[] bytes, int from, int to) {
      lineNumber++;
      if (to > from && bytes[to - 1] == '\r') {
        to--;
      }
      if (!headerSeen) {
        if (to - from >= 3
            && bytes[from] == (byte) 0xEF
            && bytes[from + 1] == (byte) 0xBB
            && bytes[from + 2] == (byte) 0xBF) {
          from += 3;
        }
        if (isBlank(bytes, from, to)) {
          return;
        }
        headerSeen = true;
        header(new String(bytes, from, to - from, StandardCharsets.UTF_8));
        return;
      }
      if (headerValid && !isBlank(bytes, from, to)) {
        row(bytes, from, to);
      }
    }

    private void header(String text) {
      separator = (byte) (text.indexOf(';') >= 0 ? ';' : ',');
      columns = text.split(separator == ';' ? ";" : ",", -1);
      for (int c = 0; c < columns.length; c++) {
        String name = columns[c].trim().toLowerCase(Locale.ROOT);
        columns[c] = name;
        switch (name) {
          case PATH -> pathColumn = c;
          case CONVERSIONS -> conversionsColumn = c;
          case VALUE -> valueColumn = c;
          case NULLS -> nullsColumn = c;
          default -> {
            // extra columns are allowed and ignored
          }
        }
      }
      for (String required : List.of(PATH, CONVERSIONS)) {
        if (!List.of(columns).contains(required)) {
          errors.add(
              new PathRowError(
                  fileName, lineNumber, required, PathRowError.Code.MISSING_COLUMN, text));
        }
      }
      headerValid = pathColumn >= 0 && conversionsColumn >= 0;
      fieldStart = new int[columns.length];
      fieldEnd = new int[columns.length];
    }

    private void row(byte[] bytes, int from, int to) {
      int field = 0;
      fieldStart[0] = from;
      for (int i = from; i < to; i++) {
        if (bytes[i] == separator) {
          fieldEnd[field++] = i;
          if (field == columns.length) {
            reject(bytes, from, to, columns[columns.length - 1], PathRowError.Code.EXTRA_FIELD);
            return;
          }
          fieldStart[field] = i + 1;
        }
      }
      fieldEnd[field] = to;
      if (field + 1 < columns.length) {
        reject(bytes, from, to, columns[field + 1], PathRowError.Code.MISSING_FIELD);
        return;
      }
      long conversions = count(bytes, from, to, conversionsColumn);
      long nulls = nullsColumn < 0 ? 0 : count(bytes, from, to, nullsColumn);
      if (conversions < 0 || nulls < 0) {
        return;
      }
      double value = 0;
      if (valueColumn >= 0) {
        int start = trimStart(bytes, fieldStart[valueColumn], fieldEnd[valueColumn]);
        int end = trimEnd(bytes, start, fieldEnd[valueColumn]);
        value = AsciiNumbers.parseValue(bytes, start, end);
        if (Double.isNaN(value)) {
          reject(bytes, from, to, VALUE, PathRowError.Code.NOT_A_NUMBER);
          return;
        }
        if (value < 0) {
          reject(bytes, from, to, VALUE, PathRowError.Code.NEGATIVE_VALUE);
          return;
        }
      }
      int length = path(bytes, from, to);
      if (length > 0) {
        builder.add(ids, 0, length, conversions, value, nulls);
      }
    }

    /** Parses a count field; on error records it and returns a negative number. */
    private long count(byte[] bytes, int from, int to, int column) {
      int start = trimStart(bytes, fieldStart[column], fieldEnd[column]);
      int end = trimEnd(bytes, start, fieldEnd[column]);
      long count = AsciiNumbers.parseCount(bytes, start, end);
      if (count == AsciiNumbers.NOT_A_NUMBER) {
        reject(bytes, from, to, columns[column], PathRowError.Code.NOT_A_NUMBER);
      } else if (count == AsciiNumbers.NEGATIVE) {
        reject(bytes, from, to, columns[column], PathRowError.Code.NEGATIVE_COUNT);
      }
      return count;
    }

    /** Splits the path field into {@link #ids}; returns its length, or 0 after an error. */
    private int path(byte[] bytes, int from, int to) {
      int start = fieldStart[pathColumn];
      int end = fieldEnd[pathColumn];
      if (isBlank(bytes, start, end)) {
        reject(bytes, from, to, PATH, PathRowError.Code.EMPTY_PATH);
        return 0;
      }
      int pieces = 0;
      int pieceFrom = start;
      for (int i = start; i <= end; i++) {
        if (i == end || bytes[i] == '>') {
          if (pieces == pieceStart.length) {
            pieceStart = Arrays.copyOf(pieceStart, pieces * 2);
            pieceEnd = Arrays.copyOf(pieceEnd, pieces * 2);
            ids = Arrays.copyOf(ids, pieces * 2);
          }
          int s = trimStart(bytes, pieceFrom, i);
          int e = trimEnd(bytes, s, i);
          if (s == e) {
            reject(bytes, from, to, PATH, PathRowError.Code.EMPTY_CHANNEL);
            return 0;
          }
          pieceStart[pieces] = s;
          pieceEnd[pieces++] = e;
          pieceFrom = i + 1;
        }
      }
      // Names are registered only once the whole line is known to be valid.
      for (int p = 0; p < pieces; p++) {
        ids[p] = channels.channelId(bytes, pieceStart[p], pieceEnd[p]);
      }
      return pieces;
    }

    private void reject(byte[] bytes, int from, int to, String field, PathRowError.Code code) {
      int length = Math.min(to - from, PathRowError.MAX_RAW * 4);
      String raw = new String(bytes, from, length, StandardCharsets.UTF_8);
      errors.add(new PathRowError(fileName, lineNumber, field, code, raw));
    }

    private static boolean isBlank(byte[] bytes, int from, int to) {
      return trimStart(bytes, from, to) == to;
    }

    private static int trimStart(byte[] bytes, int from, int to) {
      while (from < to && (bytes[from] == ' ' || bytes[from] == '\t')) {
        from++;
      }
      return from;
    }

    private static int trimEnd(byte[] bytes, int from, int to) {
      while (to > from && (bytes[to - 1] == ' ' || bytes[to - 1] == '\t')) {
        to--;
      }
      return to;
    }
  }
}
