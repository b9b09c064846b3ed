package org.revtrace.store;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows in PostgreSQL's COPY text format to an open {@link CopyIn}, in chunks.
 *
 * <p>Text format: fields separated by tab, rows ended by newline, {@code \N} for null, and
 * backslash, tab, newline and carriage return escaped with a backslash.
 */
final class CopyRows {

  private static final int CHUNK_CHARS = 1 << 16;

  private final CopyIn copy;
  private final StringBuilder buffer = new StringBuilder(CHUNK_CHARS + 1024);
  private boolean rowStarted;

  CopyRows(CopyIn copy) {
    this.copy = copy;
  }

  /** Appends a text field; null becomes SQL null. */
  CopyRows text(String value) {
    separate();
    if (value == null) {
      buffer.append("\\N");
      return this;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> buffer.append("\\\\");
        case '\t' -> buffer.append("\\t");
        case '\n' -> buffer.append("\\n");
        case '\r' -> buffer.append("\\r");
        default -> buffer.append(c);
      }
    }
    return this;
  }

  /** Appends an integer field. */
  CopyRows number(long value) {
    separate();
    buffer.append(value);
    return this;
  }

  /** Appends a timestamp as ISO-8601 in UTC ({@code 2025-03-01T07:15:00Z}); null becomes null. */
  CopyRows instant(Instant value) {
    // Instant.toString is locale-free and always ends in Z, so the session time zone is irrelevant.
    return value == null ? text(null) : text(value.toString());
  }

  /** Appends a date as {@code YYYY-MM-DD}. */
  CopyRows date(LocalDate value) {
    return text(value.toString());
  }

  /** Ends the current row and sends a chunk when enough has been buffered. */
  void endRow() throws SQLException {
    buffer.append('\n');
    rowStarted = false;
    if (buffer.length() >= CHUNK_CHARS) {
      flush();
    }
  }

  /** Sends the rest and ends the COPY; returns the number of rows PostgreSQL received. */
  long finish() throws SQLException {
    flush();
    return copy.endCopy();
  }

  /** Abandons an unfinished COPY so the connection can roll back; a no-op after {@link #finish}. */
  void cancelIfActive() throws SQLException {
    if (copy.isActive()) {
      copy.cancelCopy();
    }
  }

  private void separate() {
    if (rowStarted) {
      buffer.append('\t');
    }
    rowStarted = true;
  }

  private void flush() throws SQLException {
    if (buffer.length() > 0) {
      byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
      copy.writeToCopy(bytes, 0, bytes.length);
      buffer.setLength(0);
    }
  }
}
