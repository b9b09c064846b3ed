package org.revtrace.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.revtrace.core.model.CanonicalData;

/**
 * How one canonical file maps to a table: its data columns (after {@code batch_id, position,
 * source}), the data columns of its unique key {@code <name>_key} (after {@code source}), how a
 * record is written as a COPY row and read back, in the same column order.
 */
record CanonicalTable<T>(
    String name,
    String columns,
    String key,
    Function<CanonicalData, List<T>> rows,
    CanonicalTable.Writer<T> writer,
    CanonicalTable.Reader<T> reader) {

  /** The data columns of the key, in order. */
  List<String> keyColumns() {
    return split(key);
  }

  /**
   * The data columns outside the key: a later batch's row with other values here replaces the
   * stored one. Empty when every column is part of the key (the rows are only appended).
   */
  List<String> valueColumns() {
    List<String> values = new ArrayList<>(split(columns));
    values.removeAll(keyColumns());
    return List.copyOf(values);
  }

  private static List<String> split(String columns) {
    return Arrays.stream(columns.split(",")).map(String::strip).toList();
  }

  /** Writes the data columns of one record. */
  interface Writer<T> {
    void write(T row, CopyRows out);
  }

  /** Reads one record from the data columns of the current row. */
  interface Reader<T> {
    T read(Row row) throws SQLException;
  }
}
