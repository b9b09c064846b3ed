package org.revtrace.ingest.paths;

import java.util.Objects;

/**
 * A rejected line of a path file: where it is, which field is wrong, a stable code and the raw
 * text.
 *
 * @param file the file name as given to the reader
 * @param line 1-based line number (the header is line 1)
 * @param field the column name, or {@code "header"} for header problems
 * @param code what is wrong
 * @param raw the offending line, cut to {@value #MAX_RAW} characters
 */
public record PathRowError(String file, long line, String field, Code code, String raw) {
  /** Longest raw text kept. */
  public static final int MAX_RAW = 200;

  /** Why a line was rejected. */
  public enum Code {
    /** The file is empty, so there is no header. */
    MISSING_HEADER,
    /** The header lacks a required column ({@code path}, {@code total_conversions}). */
    MISSING_COLUMN,
    /** The line has fewer fields than the header. */
    MISSING_FIELD,
    /** The line has more fields than the header. */
    EXTRA_FIELD,
    /** A count or value is not a number (counts must be whole numbers). */
    NOT_A_NUMBER,
    /** A count is negative. */
    NEGATIVE_COUNT,
    /** A conversion value is negative. */
    NEGATIVE_VALUE,
    /** The path field is blank. */
    EMPTY_PATH,
    /** The path has a blank channel name, as in {@code a > > b} or {@code a >}. */
    EMPTY_CHANNEL
  }

  /** Checks the fields and cuts {@code raw} to {@value #MAX_RAW} characters. */
  public PathRowError {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(raw, "raw");
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1, was " + line);
    }
    if (raw.length() > MAX_RAW) {
      raw = raw.substring(0, MAX_RAW);
    }
  }
}
