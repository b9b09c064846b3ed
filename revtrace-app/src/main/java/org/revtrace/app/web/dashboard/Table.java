package org.revtrace.app.web.dashboard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One dashboard table as data: named columns of a kind and rows of cells, shown as HTML and
 * exported as CSV or XLSX from the same values so the three never disagree.
 *
 * @param name the export name: channels, campaigns, models, paths, funnel or cohorts
 * @param rows the rows; a total row, if any, last
 */
public record Table(String name, List<Column> columns, List<Row> rows) {

  public Table {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    for (Row row : rows) {
      if (row.cells().size() != columns.size()) {
        throw new IllegalArgumentException(
            "row of " + row.cells().size() + " cells in a table of " + columns.size() + " columns");
      }
    }
  }

  /** What a column holds, which decides its formatting and its export cell type. */
  public enum Kind {
    /** Text from the data (channel, campaign, path): escaped in pages, neutralised in exports. */
    TEXT,
    /** A count, fractional when attributed. */
    COUNT,
    /** Money in major units of the report currency. */
    MONEY,
    /** A fraction shown as a percentage (ROI 0.25 → 25 %). */
    PERCENT,
    /** A plain ratio such as LTV:CAC. */
    RATIO,
    /** A duration in days. */
    DAYS
  }

  /**
   * A column.
   *
   * @param code the stable name: export header and message key {@code dashboard.column.<code>}
   */
  public record Column(String code, Kind kind) {

    public Column {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(kind, "kind");
    }
  }

  /**
   * A row: a {@link String} per text column, a {@link Number} or null (undefined, e.g. a ratio over
   * zero) per other column.
   *
   * @param total whether this is the totals row
   */
  public record Row(List<Object> cells, boolean total) {

    public Row {
      cells = Collections.unmodifiableList(new ArrayList<>(cells));
    }

    /** The first cell as text: the row's key (channel, campaign, path, stage, cohort). */
    public String key() {
      return String.valueOf(cells.get(0));
    }
  }
}
