package org.revtrace.store;

import static java.util.stream.Collectors.joining;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.revtrace.core.model.RowError;
import org.revtrace.core.port.RejectedFile;
import org.revtrace.core.port.RowCounts;

/** Loads rows into the tables of one open transaction with COPY. */
final class TableLoader {

  /** SQLSTATE of "ON CONFLICT DO UPDATE command cannot affect row a second time". */
  private static final String CARDINALITY_VIOLATION = "21000";

  private final Connection connection;
  private final CopyManager copyManager;

  TableLoader(Connection connection) throws SQLException {
    this.connection = connection;
    this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
  }

  /**
   * Copies the rows into a temporary staging table, then moves them into the table: a new key is
   * inserted, a stored key with other values is replaced, a stored key with the same values (or a
   * key repeated later in the rows) is left unchanged.
   */
  <T> RowCounts load(CanonicalTable<T> table, long batchId, String source, List<T> rows)
      throws SQLException {
    // COPY cannot resolve conflicts, so it fills a staging table without the unique keys and one
    // INSERT ... ON CONFLICT moves the rows across.
    String staging = "staging_" + table.name();
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "create temporary table "
              + staging
              + " (like "
              + table.name()
              + " including defaults) on commit drop");
    }
    CopyRows out =
        new CopyRows(
            copyManager.copyIn(
                "copy "
                    + staging
                    + " (batch_id, position, source, "
                    + table.columns()
                    + ") from stdin"));
    try {
      int position = 0;
      for (T row : rows) {
        out.number(batchId).number(position++).text(source);
        table.writer().write(row, out);
        out.endRow();
      }
      out.finish();
    } finally {
      out.cancelIfActive();
    }
    try (Statement statement = connection.createStatement()) {
      long inserted;
      long updated;
      if (table.valueColumns().isEmpty()) {
        // Every column is the key: a row is either new or stored already (append only).
        inserted =
            statement.executeLargeUpdate(
                "insert into "
                    + table.name()
                    + " select * from "
                    + staging
                    + " on conflict do nothing");
        updated = 0;
      } else {
        long[] counts = upsert(statement, table, staging);
        inserted = counts[0];
        updated = counts[1];
      }
      statement.execute("drop table " + staging);
      return new RowCounts(inserted, updated, rows.size() - inserted - updated);
    }
  }

  /**
   * Inserts new keys and replaces changed rows; returns {inserted, updated}. DO UPDATE may touch a
   * row only once per statement, so a batch repeating a key fails it (SQLSTATE 21000,
   * cardinality_violation): then, back at a savepoint, DISTINCT ON keeps the first row of each key.
   * Only then, because sorting a million rows by key measured ~40% of a bulk commit.
   */
  private long[] upsert(Statement statement, CanonicalTable<?> table, String staging)
      throws SQLException {
    Savepoint savepoint = connection.setSavepoint();
    try {
      long[] counts = counts(statement, upsert(table, staging, false));
      connection.releaseSavepoint(savepoint);
      return counts;
    } catch (SQLException e) {
      if (!CARDINALITY_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
      connection.rollback(savepoint);
      return counts(statement, upsert(table, staging, true));
    }
  }

  private static long[] counts(Statement statement, String sql) throws SQLException {
    try (ResultSet counts = statement.executeQuery(sql)) {
      counts.next();
      return new long[] {counts.getLong(1), counts.getLong(2)};
    }
  }

  /**
   * The statement that inserts new keys and replaces changed rows, answering (inserted, updated);
   * with {@code firstOfEachKey}, DISTINCT ON keeps the first row of each key (lowest position), as
   * the in-memory fake does. A replaced row keeps the batch and position that first stored it and
   * records the replacing batch in updated_batch_id; RETURNING gives the new row, whose
   * updated_batch_id is null only when it was inserted.
   */
  static String upsert(CanonicalTable<?> table, String staging, boolean firstOfEachKey) {
    String key = "source, " + table.key();
    List<String> values = table.valueColumns();
    String set =
        values.stream().map(column -> column + " = excluded." + column).collect(joining(", "));
    String stored = values.stream().map(column -> compared("t", column)).collect(joining(", "));
    String offered =
        values.stream().map(column -> compared("excluded", column)).collect(joining(", "));
    String rows =
        firstOfEachKey
            ? "select distinct on ("
                + key
                + ") * from "
                + staging
                + " order by "
                + key
                + ", position"
            : "select * from " + staging;
    return "with applied as (insert into "
        + table.name()
        + " as t "
        + rows
        + " on conflict on constraint "
        + table.name()
        + "_key do update set "
        + set
        + ", updated_batch_id = excluded.batch_id where ("
        + stored
        + ") is distinct from ("
        + offered
        + ")"
        // Batches apply in commit order (JdbcImportBatches serialises commits); this keeps an
        // older batch from overwriting a newer one even if that ever changed.
        + " and coalesce(t.updated_batch_id, t.batch_id) < excluded.batch_id"
        + " returning updated_batch_id)"
        + " select count(*) filter (where updated_batch_id is null),"
        + " count(*) filter (where updated_batch_id is not null) from applied";
  }

  /**
   * A column as compared for changes: numeric {@code rate} as text, because numeric equality
   * ignores the scale ({@code 97.5 = 97.50}) while the record read back keeps it.
   */
  private static String compared(String alias, String column) {
    return column.equals("rate") ? alias + ".rate::text" : alias + "." + column;
  }

  /** Copies the quarantined rows of a batch. */
  void quarantine(long batchId, List<RowError> errors) throws SQLException {
    if (errors.isEmpty()) {
      return;
    }
    CopyIn copy =
        copyManager.copyIn(
            "copy quarantine (batch_id, position, file, line, field, code, raw, message)"
                + " from stdin");
    CopyRows out = new CopyRows(copy);
    try {
      List<RowError> ordered = new ArrayList<>(errors);
      for (int position = 0; position < ordered.size(); position++) {
        RowError error = ordered.get(position);
        out.number(batchId).number(position).text(error.file()).number(error.line());
        out.text(error.field()).text(error.code().name()).text(error.raw());
        out.text(error.message());
        out.endRow();
      }
      out.finish();
    } finally {
      out.cancelIfActive();
    }
  }

  /**
   * Stores the rejected rows of a batch: each file's header, then its rows by line with COPY. A
   * file name given twice breaks the primary key and fails the commit.
   */
  void rejectedRows(long batchId, List<RejectedFile> files) throws SQLException {
    if (files.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into rejected_files (batch_id, file, header) values (?, ?, ?)")) {
      for (RejectedFile file : files) {
        insert.setLong(1, batchId);
        insert.setString(2, file.file());
        insert.setArray(3, connection.createArrayOf("text", file.header().toArray()));
        insert.addBatch();
      }
      insert.executeBatch();
    }
    CopyRows out =
        new CopyRows(
            copyManager.copyIn(
                "copy rejected_rows (batch_id, file, position, line, fields) from stdin"));
    try {
      for (RejectedFile file : files) {
        List<RejectedFile.RejectedRow> rows = new ArrayList<>(file.rows());
        rows.sort(java.util.Comparator.comparingLong(RejectedFile.RejectedRow::line));
        for (int position = 0; position < rows.size(); position++) {
          RejectedFile.RejectedRow row = rows.get(position);
          out.number(batchId).text(file.file()).number(position).number(row.line());
          out.text(arrayLiteral(row.fields()));
          out.endRow();
        }
      }
      out.finish();
    } finally {
      out.cancelIfActive();
    }
  }

  /**
   * A PostgreSQL array literal of text values: every element double-quoted, with backslash and
   * double quote escaped by a backslash, so commas, braces, spaces and the word NULL stay text.
   */
  static String arrayLiteral(List<String> values) {
    StringBuilder literal = new StringBuilder("{");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        literal.append(',');
      }
      literal.append('"');
      String value = values.get(i);
      for (int c = 0; c < value.length(); c++) {
        char ch = value.charAt(c);
        if (ch == '\\' || ch == '"') {
          literal.append('\\');
        }
        literal.append(ch);
      }
      literal.append('"');
    }
    return literal.append('}').toString();
  }
}
