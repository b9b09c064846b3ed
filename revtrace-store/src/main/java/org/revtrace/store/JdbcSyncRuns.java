package org.revtrace.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The history of connection syncs in the table {@code sync_runs}, and a lock that keeps two
 * processes (the server and {@code revtrace sync}) from syncing one connection at once.
 */
public final class JdbcSyncRuns {

  /** First key of the advisory locks of syncs; the second is the connection name's hash. */
  private static final int LOCK_SPACE = 0x52560008;

  private static final String COLUMNS =
      "r.id, c.name, r.trigger, r.started_by, r.started_at, r.finished_at, r.status, r.rows_read,"
          + " r.rows_kept, r.rows_quarantined, r.batch_id, r.error";
  private static final String INSERT =
      "insert into sync_runs (connection_id, trigger, started_by, started_at, finished_at, status,"
          + " rows_read, rows_kept, rows_quarantined, batch_id, error)"
          + " select id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? from connections where name = ?"
          + " returning id";

  /**
   * A held sync lock of one connection; closing it releases the lock and its database connection.
   */
  public static final class SyncLock implements AutoCloseable {

    private final Connection db;
    private final String connection;

    private SyncLock(Connection db, String connection) {
      this.db = db;
      this.connection = connection;
    }

    @Override
    public void close() {
      try (Connection held = db;
          PreparedStatement unlock =
              held.prepareStatement("select pg_advisory_unlock(?, hashtext(?))")) {
        unlock.setInt(1, LOCK_SPACE);
        unlock.setString(2, connection);
        unlock.execute();
      } catch (SQLException e) {
        throw new StoreException("cannot release the sync lock of " + connection, e);
      }
    }
  }

  private final DataSource dataSource;

  public JdbcSyncRuns(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * Records a finished run of a stored connection.
   *
   * @return the run with its id
   * @throws IllegalArgumentException when no connection has the run's name
   */
  public SyncRun record(SyncRun run) {
    try (Connection db = dataSource.getConnection();
        PreparedStatement insert = db.prepareStatement(INSERT)) {
      insert.setString(1, run.trigger().code());
      insert.setString(2, run.startedBy());
      insert.setTimestamp(3, Timestamp.from(run.startedAt()));
      insert.setTimestamp(4, Timestamp.from(run.finishedAt()));
      insert.setString(5, run.status().code());
      insert.setLong(6, run.rowsRead());
      insert.setLong(7, run.rowsKept());
      insert.setLong(8, run.rowsQuarantined());
      if (run.batchId() == null) {
        insert.setNull(9, Types.BIGINT);
      } else {
        insert.setLong(9, run.batchId());
      }
      insert.setString(10, run.error());
      insert.setString(11, run.connection());
      try (ResultSet row = insert.executeQuery()) {
        if (!row.next()) {
          throw new IllegalArgumentException("no stored connection named " + run.connection());
        }
        return new SyncRun(
            row.getLong(1),
            run.connection(),
            run.trigger(),
            run.startedBy(),
            run.startedAt(),
            run.finishedAt(),
            run.status(),
            run.rowsRead(),
            run.rowsKept(),
            run.rowsQuarantined(),
            run.batchId(),
            run.error());
      }
    } catch (SQLException e) {
      throw new StoreException("cannot record a sync run of " + run.connection(), e);
    }
  }

  /** The newest {@code limit} runs of {@code connection}, newest first. */
  public List<SyncRun> history(String connection, int limit) {
    try (Connection db = dataSource.getConnection();
        PreparedStatement select =
            db.prepareStatement(
                "select "
                    + COLUMNS
                    + " from sync_runs r join connections c on c.id = r.connection_id"
                    + " where c.name = ? order by r.started_at desc, r.id desc limit ?")) {
      select.setString(1, connection);
      select.setInt(2, limit);
      List<SyncRun> runs = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          runs.add(read(rows));
        }
      }
      return runs;
    } catch (SQLException e) {
      throw new StoreException("cannot load the sync runs of " + connection, e);
    }
  }

  /** The newest run of each connection that has one, by connection name. */
  public Map<String, SyncRun> latest() {
    try (Connection db = dataSource.getConnection();
        PreparedStatement select =
            db.prepareStatement(
                "select distinct on (r.connection_id) "
                    + COLUMNS
                    + " from sync_runs r join connections c on c.id = r.connection_id"
                    + " order by r.connection_id, r.started_at desc, r.id desc");
        ResultSet rows = select.executeQuery()) {
      Map<String, SyncRun> runs = new LinkedHashMap<>();
      while (rows.next()) {
        SyncRun run = read(rows);
        runs.put(run.connection(), run);
      }
      return runs;
    } catch (SQLException e) {
      throw new StoreException("cannot load the latest sync runs", e);
    }
  }

  /**
   * Takes the sync lock of {@code connection} if no other session holds it (a PostgreSQL advisory
   * lock, released when closed or when this process's database session ends).
   *
   * @return the lock, or empty when a sync of that connection is running elsewhere
   */
  public Optional<SyncLock> tryLock(String connection) {
    Connection db = null;
    try {
      db = dataSource.getConnection();
      try (PreparedStatement lock =
          db.prepareStatement("select pg_try_advisory_lock(?, hashtext(?))")) {
        lock.setInt(1, LOCK_SPACE);
        lock.setString(2, connection);
        try (ResultSet row = lock.executeQuery()) {
          row.next();
          if (row.getBoolean(1)) {
            return Optional.of(new SyncLock(db, connection));
          }
        }
      }
      db.close();
      return Optional.empty();
    } catch (SQLException e) {
      try {
        if (db != null) {
          db.close();
        }
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new StoreException("cannot take the sync lock of " + connection, e);
    }
  }

  private static SyncRun read(ResultSet row) throws SQLException {
    long batch = row.getLong(11);
    Long batchId = row.wasNull() ? null : batch;
    return new SyncRun(
        row.getLong(1),
        row.getString(2),
        SyncRun.Trigger.of(row.getString(3)),
        row.getString(4),
        row.getTimestamp(5).toInstant(),
        row.getTimestamp(6).toInstant(),
        SyncRun.Status.of(row.getString(7)),
        row.getLong(8),
        row.getLong(9),
        row.getLong(10),
        batchId,
        row.getString(12));
  }
}
