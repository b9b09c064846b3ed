package org.revtrace.core.port;

import java.util.List;
import java.util.Objects;

/**
 * The rejected rows of one imported file, kept as they were read with the file's header, so a
 * person can fix them in a spreadsheet and import just that file again.
 *
 * @param file the file name as imported, for example {@code touchpoints.csv}
 * @param header the file's header fields as read
 * @param rows the rejected rows, in the order they were given
 */
public record RejectedFile(String file, List<String> header, List<RejectedRow> rows) {

  public RejectedFile {
    BatchSummary.requireText(file, "file");
    header = List.copyOf(header);
    rows = List.copyOf(rows);
  }

  /**
   * One rejected row: where it started in the file and its fields as parsed, unchanged.
   *
   * @param line the physical line the row started on, from 1
   * @param fields the raw field values; a row may have more or fewer fields than the header
   */
  public record RejectedRow(long line, List<String> fields) {

    public RejectedRow {
      if (line < 1) {
        throw new IllegalArgumentException("line must be at least 1: " + line);
      }
      fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
    }
  }
}
