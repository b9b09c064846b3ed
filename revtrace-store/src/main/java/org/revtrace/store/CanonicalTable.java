package org.revtrace.store;

import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import org.revtrace.core.model.CanonicalData;

/**
 * How one canonical file maps to a table: its data columns (after {@code batch_id, position,
 * source}), how a record is written as a COPY row and read back, in the same column order.
 */
record CanonicalTable<T>(
    String name,
    String columns,
    Function<CanonicalData, List<T>> rows,
    CanonicalTable.Writer<T> writer,
    CanonicalTable.Reader<T> reader) {

  /** Writes the data columns of one record. */
  interface Writer<T> {
    void write(T row, CopyRows out);
  }

  /** Reads one record from the data columns of the current row. */
  interface Reader<T> {
    T read(Row row) throws SQLException;
  }
}
