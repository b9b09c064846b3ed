package org.revtrace.ingest.paths;

import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.RowError;

/** Builds the {@link RowError}s of a path file, with the raw text cut to {@value #MAX_RAW}. */
final class PathErrors {
  /** Longest raw text kept. */
  static final int MAX_RAW = 200;

  private PathErrors() {}

  /** A row error whose {@code raw} text is cut to {@value #MAX_RAW} characters. */
  static RowError of(
      String file, long line, String field, ErrorCode code, String raw, String message) {
    return new RowError(file, line, field, code, cut(raw), message);
  }

  /** {@code raw}, cut to {@value #MAX_RAW} characters. */
  static String cut(String raw) {
    return raw.length() > MAX_RAW ? raw.substring(0, MAX_RAW) : raw;
  }
}
