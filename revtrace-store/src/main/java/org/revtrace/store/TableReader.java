package org.revtrace.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads whole canonical tables back into records, in commit order. */
final class TableReader {

  // Without a fetch size pgjdbc would hold a whole table's result in memory before the records.
  private static final int FETCH_SIZE = 10_000;

  private final Connection connection;

  /** Needs a connection with auto-commit off, which pgjdbc requires for cursor-based fetching. */
  TableReader(Connection connection) {
    this.connection = connection;
  }

  <T> List<T> read(CanonicalTable<T> table) throws SQLException {
    List<T> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(FETCH_SIZE);
      try (ResultSet result =
          statement.executeQuery(
              "select "
                  + table.columns()
                  + " from "
                  + table.name()
                  + " order by batch_id, position")) {
        Row row = new Row(result);
        while (result.next()) {
          row.restart();
          rows.add(table.reader().read(row));
        }
      }
    }
    return rows;
  }
}
