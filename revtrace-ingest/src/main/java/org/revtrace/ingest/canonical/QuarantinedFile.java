package org.revtrace.ingest.canonical;

import java.util.List;

/**
 * The rejected rows of one source file, kept with its header so they can be fixed and re-imported.
 *
 * @param file source file name
 * @param header the source header as read
 * @param rows rejected rows in file order
 */
public record QuarantinedFile(String file, List<String> header, List<RejectedRow> rows) {

  public QuarantinedFile {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
  }

  /** One rejected row: its starting physical line and its fields as parsed. */
  public record RejectedRow(long line, List<String> fields) {

    public RejectedRow {
      fields = List.copyOf(fields);
    }
  }
}
