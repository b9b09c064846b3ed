package org.revtrace.ingest.paths;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.revtrace.core.attribution.markov.PathTable;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.RowError;

/**
 * Parses one path file (or one part of it) into a {@link PathTable.Builder}: the header layout,
 * line buffers, the channel dictionary and the errors of one read. Not thread-safe; parallel reads
 * use one parser per part.
 */
final class PathFileParser {
  static final int CHUNK = 1 << 20;
  private static final VarHandle LITTLE_ENDIAN_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final String PATH = "path";
  private static final String CONVERSIONS = "total_conversions";
  private static final String VALUE = "total_conversion_value";
  private static final String NULLS = "total_null";

  private final String fileName;
  private final PathTable.Builder builder = PathTable.builder();
  private final ChannelDictionary channels = new ChannelDictionary(builder);
  private final List<RowError> errors = new ArrayList<>();
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
  private long[] pieceWord = new long[64];
  private int[] ids = new int[64];
  private int pieces;

  /** {@link ErrorCode#MISSING_VALUE} (empty path), {@link ErrorCode#BAD_VALUE} (empty channel). */
  private ErrorCode pathError;

  long lineNumber;
  boolean headerSeen;
  boolean headerValid;

  PathFileParser(String fileName) {
    this.fileName = fileName;
  }

  /** Returns a parser for a later part of the same file: same header, line numbers from 0. */
  PathFileParser withSameHeader() {
    PathFileParser copy = new PathFileParser(fileName);
    copy.separator = separator;
    copy.columns = columns;
    copy.pathColumn = pathColumn;
    copy.conversionsColumn = conversionsColumn;
    copy.valueColumn = valueColumn;
    copy.nullsColumn = nullsColumn;
    copy.fieldStart = new int[columns.length];
    copy.fieldEnd = new int[columns.length];
    copy.headerSeen = true;
    copy.headerValid = headerValid;
    return copy;
  }

  PathFileResult run(InputStream in) throws IOException {
    byte[] buffer = new byte[CHUNK];
    int filled = 0;
    boolean endOfInput = false;
    while (!endOfInput) {
      int read = in.read(buffer, filled, buffer.length - filled);
      endOfInput = read < 0;
      filled += Math.max(read, 0);
      int position = 0;
      while (position < filled) {
        int next =
            headerSeen
                ? row(buffer, position, filled, endOfInput)
                : header(buffer, position, filled, endOfInput);
        if (next < 0) {
          break; // the line continues in the next chunk
        }
        position = next;
      }
      int rest = filled - position;
      if (position == 0 && rest == buffer.length) {
        buffer = Arrays.copyOf(buffer, buffer.length * 2); // one line longer than the buffer
      } else {
        System.arraycopy(buffer, position, buffer, 0, rest);
      }
      filled = rest;
    }
    if (!headerSeen) {
      errors.add(
          PathErrors.of(
              fileName, 1, "header", ErrorCode.EMPTY_FILE, "", "the file has no header row"));
    }
    return new PathFileResult(builder.build(), errors);
  }

  /** Reads the header line at {@code from}; returns where the next line starts, or -1. */
  int header(byte[] bytes, int from, int limit, boolean endOfInput) {
    int end = from;
    while (end < limit && bytes[end] != '\n') {
      end++;
    }
    if (end == limit && !endOfInput) {
      return -1;
    }
    lineNumber++;
    int to = end > from && bytes[end - 1] == '\r' ? end - 1 : end;
    if (to - from >= 3
        && bytes[from] == (byte) 0xEF
        && bytes[from + 1] == (byte) 0xBB
        && bytes[from + 2] == (byte) 0xBF) {
      from += 3;
    }
    if (!isBlank(bytes, from, to)) {
      headerSeen = true;
      header(new String(bytes, from, to - from, StandardCharsets.UTF_8));
    }
    return Math.min(end + 1, limit);
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
            PathErrors.of(
                fileName,
                lineNumber,
                required,
                ErrorCode.MISSING_COLUMN,
                text,
                "missing required column " + required));
      }
    }
    headerValid = pathColumn >= 0 && conversionsColumn >= 0;
    fieldStart = new int[columns.length];
    fieldEnd = new int[columns.length];
  }

  /**
   * Parses the line at {@code from} in one pass over its bytes (fields, channel boundaries and
   * packed channel names together); returns where the next line starts, or -1 if the line is not
   * complete before {@code limit}.
   */
  private int row(byte[] bytes, int from, int limit, boolean endOfInput) {
    int columnCount = columns.length;
    int field = 0;
    fieldStart[0] = from;
    boolean extraField = false;
    boolean inPath = pathColumn == 0;
    pieces = 0;
    pathError = null;
    int pieceFrom = from; // start of the current channel name, blanks included
    int i = from;
    for (; i < limit; i++) {
      byte b = bytes[i];
      if (b == '\n') {
        break;
      }
      if (b == separator) {
        if (inPath) {
          endChannel(bytes, pieceFrom, i, true);
        }
        if (field + 1 == columnCount) {
          extraField = true;
          inPath = false;
          continue;
        }
        fieldEnd[field++] = i;
        fieldStart[field] = i + 1;
        inPath = field == pathColumn;
        pieceFrom = i + 1;
      } else if (b == '>' && inPath) {
        endChannel(bytes, pieceFrom, i, false);
        pieceFrom = i + 1;
      }
    }
    if (i == limit && !endOfInput) {
      return -1;
    }
    lineNumber++;
    int to = i > from && bytes[i - 1] == '\r' ? i - 1 : i;
    if (!extraField) {
      fieldEnd[field] = to;
    }
    if (inPath) {
      endChannel(bytes, pieceFrom, to, true);
    }
    int next = Math.min(i + 1, limit);
    if (field == 0 && !extraField && isBlank(bytes, from, to)) {
      return next; // blank lines are skipped
    }
    if (headerValid) {
      store(bytes, from, to, field, extraField);
    }
    return next;
  }

  /**
   * Records the channel name in {@code bytes[from .. to)} (trimmed), or the path error it reveals.
   * A name of up to 8 bytes is packed into a long with one little-endian load and looked up by that
   * long.
   */
  private void endChannel(byte[] bytes, int from, int to, boolean endOfPath) {
    if (pathError != null) {
      return;
    }
    int first = trimStart(bytes, from, to);
    int end = trimEnd(bytes, first, to);
    if (first == end) {
      pathError = pieces == 0 && endOfPath ? ErrorCode.MISSING_VALUE : ErrorCode.BAD_VALUE;
      return;
    }
    if (pieces == pieceStart.length) {
      pieceStart = Arrays.copyOf(pieceStart, pieces * 2);
      pieceEnd = Arrays.copyOf(pieceEnd, pieces * 2);
      pieceWord = Arrays.copyOf(pieceWord, pieces * 2);
      ids = Arrays.copyOf(ids, pieces * 2);
    }
    int length = end - first;
    if (length <= 8) {
      long packed = pack(bytes, first, length);
      pieceWord[pieces] = packed;
      int id = channels.find(packed, length);
      ids[pieces] = id;
      if (id >= 0) {
        pieces++;
        return;
      }
    } else {
      ids[pieces] = -1;
    }
    // A long or new name: resolved (and registered) only once the line is known to be valid.
    pieceStart[pieces] = first;
    pieceEnd[pieces++] = end;
  }

  /** Packs {@code bytes[from .. from+length)}, length ≤ 8, little-endian into a long. */
  private static long pack(byte[] bytes, int from, int length) {
    if (from + 8 <= bytes.length) {
      long word = (long) LITTLE_ENDIAN_LONG.get(bytes, from);
      return length == 8 ? word : word & ((1L << (length << 3)) - 1);
    }
    long word = 0;
    for (int i = 0; i < length; i++) {
      word |= (bytes[from + i] & 0xFFL) << (i << 3);
    }
    return word;
  }

  /** Checks the parsed line and adds it to the table, or records why not. */
  private void store(byte[] bytes, int from, int to, int lastField, boolean extraField) {
    if (extraField) {
      reject(
          bytes,
          from,
          to,
          columns[columns.length - 1],
          ErrorCode.RAGGED_ROW,
          "extra field: more fields than the " + columns.length + " of the header");
      return;
    }
    if (lastField + 1 < columns.length) {
      reject(
          bytes,
          from,
          to,
          columns[lastField + 1],
          ErrorCode.RAGGED_ROW,
          "missing field: " + (lastField + 1) + " fields, the header has " + columns.length);
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
        reject(bytes, from, to, VALUE, ErrorCode.BAD_NUMBER, "not a number");
        return;
      }
      if (value < 0) {
        reject(bytes, from, to, VALUE, ErrorCode.NEGATIVE_VALUE, "negative conversion value");
        return;
      }
    }
    if (pathError != null) {
      reject(
          bytes,
          from,
          to,
          PATH,
          pathError,
          pathError == ErrorCode.MISSING_VALUE ? "empty path" : "empty channel name in the path");
      return;
    }
    for (int p = 0; p < pieces; p++) {
      if (ids[p] < 0) {
        int s = pieceStart[p];
        int e = pieceEnd[p];
        ids[p] =
            e - s <= 8
                ? channels.channelId(pieceWord[p], bytes, s, e)
                : channels.channelId(bytes, s, e);
      }
    }
    builder.add(ids, 0, pieces, conversions, value, nulls);
  }

  /** Parses a count field; on error records it and returns a negative number. */
  private long count(byte[] bytes, int from, int to, int column) {
    int start = trimStart(bytes, fieldStart[column], fieldEnd[column]);
    int end = trimEnd(bytes, start, fieldEnd[column]);
    long count = AsciiNumbers.parseCount(bytes, start, end);
    if (count == AsciiNumbers.NOT_A_NUMBER) {
      reject(bytes, from, to, columns[column], ErrorCode.BAD_NUMBER, "not a whole number");
    } else if (count == AsciiNumbers.NEGATIVE) {
      reject(bytes, from, to, columns[column], ErrorCode.NEGATIVE_VALUE, "negative count");
    }
    return count;
  }

  private void reject(
      byte[] bytes, int from, int to, String field, ErrorCode code, String message) {
    int length = Math.min(to - from, PathErrors.MAX_RAW * 4);
    String raw = new String(bytes, from, length, StandardCharsets.UTF_8);
    errors.add(PathErrors.of(fileName, lineNumber, field, code, raw, message));
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
