package org.revtrace.app.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed-width text table for terminals: the first column left-aligned, the others right-aligned,
 * a rule under the header and, optionally, above the last (totals) row.
 */
public final class TextTable {

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public TextTable(List<String> header) {
    this.header = List.copyOf(header);
  }

  public TextTable add(List<String> row) {
    if (row.size() != header.size()) {
      throw new IllegalArgumentException(
          "row has " + row.size() + " cells, the header " + header.size());
    }
    rows.add(List.copyOf(row));
    return this;
  }

  /** The table; with {@code totalsLast} a rule separates the last row. */
  public String render(boolean totalsLast) {
    int[] widths = new int[header.size()];
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (List<String> row : all) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < all.size(); r++) {
      String line = line(all.get(r), widths);
      if (totalsLast && r == all.size() - 1 && r > 1) {
        out.append("-".repeat(line.length())).append('\n');
      }
      out.append(line.stripTrailing()).append('\n');
      if (r == 0) {
        out.append("-".repeat(line.length())).append('\n');
      }
    }
    return out.toString();
  }

  private static String line(List<String> row, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < row.size(); i++) {
      String cell = row.get(i);
      String padding = " ".repeat(Math.max(0, widths[i] - cell.length()));
      line.append(i == 0 ? cell + padding : "  " + padding + cell);
    }
    return line.toString();
  }
}
