package org.revtrace.core.model;

import java.util.Objects;

/**
 * One bad input row or file: where it is, which field, a stable code and the raw value. Bad input
 * is data (STYLE.md rule 8): it is quarantined and reported, never thrown.
 *
 * @param file file name as given to the importer
 * @param line 1-based physical line number of the row's start; 0 when the problem is the file
 * @param field column name, or empty when the whole row or file is at fault
 * @param code stable error code
 * @param raw the offending raw value or row text (may be empty)
 * @param message human-readable reason in English
 */
public record RowError(
    String file, long line, String field, ErrorCode code, String raw, String message) {

  public RowError {
    Objects.requireNonNull(file, "file");
    field = field == null ? "" : field;
    Objects.requireNonNull(code, "code");
    raw = raw == null ? "" : raw;
    message = message == null ? "" : message;
  }

  /**
   * The one-line form used on stderr: {@code leads.csv:12: created_at BAD_TIMESTAMP 'x' (reason)}.
   */
  public String describe() {
    return file
        + ":"
        + line
        + ": "
        + (field.isEmpty() ? "" : field + " ")
        + code
        + (raw.isEmpty() ? "" : " '" + raw + "'")
        + (message.isEmpty() ? "" : " (" + message + ")");
  }
}
