package org.revtrace.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.RowError;
import org.revtrace.core.port.BatchOutcome;
import org.revtrace.core.port.BatchSummary;
import org.revtrace.core.port.ImportBatches;

/**
 * {@link ImportBatches} in PostgreSQL: each commit is one transaction that COPYs the rows into
 * staging tables and moves them into the canonical tables, skipping rows whose key is stored.
 */
public final class JdbcImportBatches implements ImportBatches {

  private static final String SUMMARY_COLUMNS =
      "id, source, file_name, content_hash, committed_at, offered_rows, stored_rows,"
          + " quarantined_rows";

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
      List<RowError> quarantined) {
    requireText(source, "source");
    requireText(fileName, "fileName");
    requireText(contentHash, "contentHash");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(quarantined, "quarantined");
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        BatchOutcome outcome =
            commitIn(connection, source, fileName, contentHash, data, quarantined);
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
      List<RowError> quarantined)
      throws SQLException {
    Optional<Long> created = createBatch(connection, source, fileName, contentHash);
    if (created.isEmpty()) {
      return new BatchOutcome(findBatch(connection, source, contentHash), true);
    }
    long batchId = created.get();
    CurrencyDigits.register(connection, data);
    TableLoader loader = new TableLoader(connection);
    long offered = 0;
    long stored = 0;
    for (CanonicalTable<?> table : CanonicalTables.ALL) {
      long[] counts = load(loader, table, batchId, source, data);
      offered += counts[0];
      stored += counts[1];
      probe.tableLoaded(table.name());
    }
    loader.quarantine(batchId, quarantined);
    try (PreparedStatement update =
        connection.prepareStatement(
            "update batches set offered_rows = ?, stored_rows = ?, quarantined_rows = ?"
                + " where id = ? returning "
                + SUMMARY_COLUMNS)) {
      update.setLong(1, offered);
      update.setLong(2, stored);
      update.setLong(3, quarantined.size());
      update.setLong(4, batchId);
      try (ResultSet row = update.executeQuery()) {
        row.next();
        return new BatchOutcome(summary(row), false);
      }
    }
  }

  /** Loads one table's rows; returns {offered, stored}. */
  private static <T> long[] load(
      TableLoader loader, CanonicalTable<T> table, long batchId, String source, CanonicalData data)
      throws SQLException {
    List<T> rows = table.rows().apply(data);
    if (rows.isEmpty()) {
      return new long[] {0, 0};
    }
    return new long[] {rows.size(), loader.load(table, batchId, source, rows)};
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
        return summary(row);
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
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("select " + SUMMARY_COLUMNS + " from batches order by id");
        ResultSet row = select.executeQuery()) {
      List<BatchSummary> batches = new ArrayList<>();
      while (row.next()) {
        batches.add(summary(row));
      }
      return List.copyOf(batches);
    } catch (SQLException e) {
      throw new StoreException("cannot list batches: " + e.getMessage(), e);
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

  private static BatchSummary summary(ResultSet row) throws SQLException {
    return new BatchSummary(
        row.getLong(1),
        row.getString(2),
        row.getString(3),
        row.getString(4),
        row.getObject(5, OffsetDateTime.class).toInstant(),
        row.getLong(6),
        row.getLong(7),
        row.getLong(8));
  }
}
