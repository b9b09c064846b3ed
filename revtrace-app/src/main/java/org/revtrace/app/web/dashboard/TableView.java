package org.revtrace.app.web.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Table} as the page shows it: header codes (labels come from {@code
 * dashboard.column.<code>}) and cells already formatted for the request's language.
 */
record TableView(String name, List<Table.Column> columns, List<RowView> rows) {

  /** A row; {@code key} is the raw first cell (the channel a drill-down asks for). */
  record RowView(String key, boolean total, List<CellView> cells) {}

  /** A formatted cell; numbers align right, negative ones are marked. */
  record CellView(String text, boolean numeric, boolean negative) {}

  static TableView of(Table table, CellFormat format) {
    List<RowView> rows = new ArrayList<>();
    for (Table.Row row : table.rows()) {
      List<CellView> cells = new ArrayList<>();
      for (int c = 0; c < table.columns().size(); c++) {
        Table.Kind kind = table.columns().get(c).kind();
        Object value = row.cells().get(c);
        cells.add(
            new CellView(
                format.format(value, kind),
                kind != Table.Kind.TEXT,
                value instanceof Number number && number.doubleValue() < 0));
      }
      rows.add(new RowView(row.key(), row.total(), cells));
    }
    return new TableView(table.name(), table.columns(), rows);
  }
}
