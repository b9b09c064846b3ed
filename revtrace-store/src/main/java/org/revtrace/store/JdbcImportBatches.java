package org.revtrace.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.RowError;
import org.revtrace.core.port.BatchOutcome;
import org.revtrace.core.port.BatchSummary;
import org.revtrace.core.port.ImportBatches;
import org.revtrace.core.port.RejectedFile;
import org.revtrace.core.port.RowCounts;

/**
 * {@link ImportBatches} in PostgreSQL: each commit is one transaction that COPYs the rows into
 * staging tables and moves them into the canonical tables, inserting new keys and replacing rows
 * whose values changed. Commits run one at a time (an advisory lock), so batch ids follow commit
 * order and the newest batch's version of a row is the one kept.
 */
public final class JdbcImportBatches implements ImportBatches {

  private static final String SUMMARY_COLUMNS =
      "id, source, file_name, content_hash, committed_at, quarantined_rows";

  /** The transaction-level advisory lock that serialises commits (an arbitrary constant). */
  private static final long COMMIT_LOCK = 0x7265_7674_7261_6365L;

  private final DataSource dataSource;
  private final CommitProbe probe;

  /** A store over a migrated database ({@link Migrations#apply}). */
  public JdbcImportBatches(DataSource dataSource) {
    this(dataSource, CommitProbe.NONE);
  }

  JdbcImportBatches(DataSource dataSource, CommitProbe probe) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.probe = probe;
  }

  @Override
  public BatchOutcome commit(
      String source,
      String fileName,
      String contentHash,
      CanonicalData data,
      List<RowError> quarantined,
      List<RejectedFile> rejected) {
    requireText(source, "source");
    requireText(fileName, "fileName");
    requireText(contentHash, "contentHash");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(quarantined, "quarantined");
    Objects.requireNonNull(rejected, "rejected");
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        BatchOutcome outcome =
            commitIn(connection, source, fileName, contentHash, data, quarantined, rejected);
        connection.commit();
        return outcome;
      } catch (SQLException | RuntimeException e) {
        try {
          connection.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot commit batch " + fileName + " from " + source + ": " + e.getMessage(), e);
    }
  }

  private BatchOutcome commitIn(
      Connection connection,
      String source,
      String fileName,
      String contentHash,
      CanonicalData data,
      List<RowError> quarantined,
      List<RejectedFile> rejected)
      throws SQLException {
    // One commit at a time: the batch id is taken under the lock, so ids follow commit order and
    // a later batch always applies over an earlier one. A concurrent commit of the same content
    // waits here and then finds the first one's batch.
    try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
      lock.setLong(1, COMMIT_LOCK);
      lock.execute();
    }
    Optional<Long> created = createBatch(connection, source, fileName, contentHash);
    if (created.isEmpty()) {
      return new BatchOutcome(findBatch(connection, source, contentHash), true);
    }
    long batchId = created.get();
    CurrencyDigits.register(connection, data);
    TableLoader loader = new TableLoader(connection);
    Map<String, RowCounts> tables = new LinkedHashMap<>();
    for (CanonicalTable<?> table : CanonicalTables.ALL) {
      load(loader, table, batchId, source, data)
          .ifPresent(counts -> tables.put(table.name(), counts));
      probe.tableLoaded(table.name());
    }
    loader.quarantine(batchId, quarantined);
    loader.rejectedRows(batchId, rejected);
    probe.tableLoaded("rejected_rows");
    RowCounts totals = tables.values().stream().reduce(RowCounts.NONE, RowCounts::plus);
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into batch_tables"
                + " (batch_id, table_name, inserted_rows, updated_rows, unchanged_rows)"
                + " values (?, ?, ?, ?, ?)")) {
      for (Map.Entry<String, RowCounts> table : tables.entrySet()) {
        insert.setLong(1, batchId);
        insert.setString(2, table.getKey());
        insert.setLong(3, table.getValue().inserted());
        insert.setLong(4, table.getValue().updated());
        insert.setLong(5, table.getValue().unchanged());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "update batches set offered_rows = ?, stored_rows = ?, updated_rows = ?,"
                + " quarantined_rows = ? where id = ? returning "
                + SUMMARY_COLUMNS)) {
      update.setLong(1, totals.offered());
      update.setLong(2, totals.stored());
      update.setLong(3, totals.updated());
      update.setLong(4, quarantined.size());
      update.setLong(5, batchId);
      try (ResultSet row = update.executeQuery()) {
        row.next();
        return new BatchOutcome(summary(row, tables), false);
      }
    }
  }

  /** Loads one table's rows; empty when the batch has none for it. */
  private static <T> Optional<RowCounts> load(
      TableLoader loader, CanonicalTable<T> table, long batchId, String source, CanonicalData data)
      throws SQLException {
    List<T> rows = table.rows().apply(data);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(loader.load(table, batchId, source, rows));
  }

  /** Inserts the batch row, or finds that the same content is already committed (empty). */
  private static Optional<Long> createBatch(
      Connection connection, String source, String fileName, String contentHash)
      throws SQLException {
    // ON CONFLICT makes a concurrent commit of the same content wait for the first and then see it.
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into batches (source, file_name, content_hash) values (?, ?, ?)"
                + " on conflict (source, content_hash) do nothing returning id")) {
      insert.setString(1, source);
      insert.setString(2, fileName);
      insert.setString(3, contentHash);
      try (ResultSet row = insert.executeQuery()) {
        return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
      }
    }
  }

  private static BatchSummary findBatch(Connection connection, String source, String contentHash)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "select " + SUMMARY_COLUMNS + " from batches where source = ? and content_hash = ?")) {
      select.setString(1, source);
      select.setString(2, contentHash);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("batch vanished: " + source + " " + contentHash);
        }
        long id = row.getLong(1);
        return summary(row, tableCounts(connection, id).getOrDefault(id, Map.of()));
      }
    }
  }

  @Override
  public CanonicalData loadAll() {
    try (Connection connection = dataSource.getConnection()) {
      // One snapshot across all tables, so a concurrent commit is seen entirely or not at all.
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setReadOnly(true);
      TableReader reader = new TableReader(connection);
      CanonicalData data =
          new CanonicalData(
              reader.read(CanonicalTables.SPEND),
              reader.read(CanonicalTables.TOUCHPOINTS),
              reader.read(CanonicalTables.LEADS),
              reader.read(CanonicalTables.DEALS),
              reader.read(CanonicalTables.STAGE_CHANGES),
              reader.read(CanonicalTables.PAYMENTS),
              reader.read(CanonicalTables.ACCOUNTS),
              reader.read(CanonicalTables.CONTACTS),
              reader.read(CanonicalTables.COSTS),
              reader.read(CanonicalTables.RATES));
      connection.commit();
      return data;
    } catch (SQLException e) {
      throw new StoreException("cannot load the stored data: " + e.getMessage(), e);
    }
  }

  @Override
  public List<BatchSummary> batches() {
    try (Connection connection = dataSource.getConnection()) {
      // One snapshot for the batches and their table counts.
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setReadOnly(true);
      Map<Long, Map<String, RowCounts>> counts = tableCounts(connection, null);
      List<BatchSummary> batches = new ArrayList<>();
      try (PreparedStatement select =
              connection.prepareStatement(
                  "select " + SUMMARY_COLUMNS + " from batches order by id");
          ResultSet row = select.executeQuery()) {
        while (row.next()) {
          batches.add(summary(row, counts.getOrDefault(row.getLong(1), Map.of())));
        }
      }
      connection.commit();
      return List.copyOf(batches);
    } catch (SQLException e) {
      throw new StoreException("cannot list batches: " + e.getMessage(), e);
    }
  }

  /** The per-table counts of one batch, or of every batch when {@code batchId} is null. */
  private static Map<Long, Map<String, RowCounts>> tableCounts(Connection connection, Long batchId)
      throws SQLException {
    // Tables in the order of CanonicalData; the '*' row of batches from before migration V3 last.
    StringBuilder order = new StringBuilder("case table_name");
    for (int i = 0; i < CanonicalTables.ALL.size(); i++) {
      order.append(" when '").append(CanonicalTables.ALL.get(i).name()).append("' then ").append(i);
    }
    order.append(" else ").append(CanonicalTables.ALL.size()).append(" end");
    try (PreparedStatement select =
        connection.prepareStatement(
            "select batch_id, table_name, inserted_rows, updated_rows, unchanged_rows"
                + " from batch_tables"
                + (batchId == null ? "" : " where batch_id = ?")
                + " order by batch_id, "
                + order)) {
      if (batchId != null) {
        select.setLong(1, batchId);
      }
      Map<Long, Map<String, RowCounts>> counts = new HashMap<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          counts
              .computeIfAbsent(row.getLong(1), id -> new LinkedHashMap<>())
              .put(row.getString(2), new RowCounts(row.getLong(3), row.getLong(4), row.getLong(5)));
        }
      }
      return counts;
    }
  }

  @Override
  public List<RowError> quarantine(long batchId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "select file, line, field, code, raw, message from quarantine"
                    + " where batch_id = ? order by position")) {
      select.setLong(1, batchId);
      List<RowError> errors = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          errors.add(
              new RowError(
                  row.getString(1),
                  row.getLong(2),
                  row.getString(3),
                  ErrorCode.valueOf(row.getString(4)),
                  row.getString(5),
                  row.getString(6)));
        }
      }
      return List.copyOf(errors);
    } catch (SQLException e) {
      throw new StoreException("cannot read the quarantine of batch " + batchId, e);
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank: '" + value + "'");
    }
  }

  private static BatchSummary summary(ResultSet row, Map<String, RowCounts> tables)
      throws SQLException {
    return new BatchSummary(
        row.getLong(1),
        row.getString(2),
        row.getString(3),
        row.getString(4),
        row.getObject(5, OffsetDateTime.class).toInstant(),
        tables,
        row.getLong(6));
  }

  @Override
  public List<RejectedFile> rejectedRows(long batchId) {
    try (Connection connection = dataSource.getConnection()) {
      // One snapshot for the headers and the rows.
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setReadOnly(true);
      Map<String, List<RejectedFile.RejectedRow>> rows = new LinkedHashMap<>();
      Map<String, List<String>> headers = new LinkedHashMap<>();
      // COLLATE "C" orders file names as Java's String.compareTo does, whatever the locale.
      try (PreparedStatement select =
          connection.prepareStatement(
              "select file, header from rejected_files where batch_id = ?"
                  + " order by file collate \"C\"")) {
        select.setLong(1, batchId);
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            headers.put(row.getString(1), texts(row.getArray(2)));
            rows.put(row.getString(1), new ArrayList<>());
          }
        }
      }
      try (PreparedStatement select =
          connection.prepareStatement(
              "select file, line, fields from rejected_rows where batch_id = ?"
                  + " order by file collate \"C\", line, position")) {
        select.setLong(1, batchId);
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            rows.get(row.getString(1))
                .add(new RejectedFile.RejectedRow(row.getLong(2), texts(row.getArray(3))));
          }
        }
      }
      connection.commit();
      List<RejectedFile> files = new ArrayList<>();
      headers.forEach((file, header) -> files.add(new RejectedFile(file, header, rows.get(file))));
      return List.copyOf(files);
    } catch (SQLException e) {
      throw new StoreException("cannot read the rejected rows of batch " + batchId, e);
    }
  }

  private static List<String> texts(Array array) throws SQLException {
    try {
      return List.of((String[]) array.getArray());
    } finally {
      array.free();
    }
  }
}
