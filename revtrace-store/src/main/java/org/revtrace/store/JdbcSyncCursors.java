package org.revtrace.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The cursors of {@code revtrace sync} in the table {@code sync_cursors}: per connection, one
 * opaque text (the connector's JSON) per entity. The store does not read the cursors; it keeps the
 * newest one written.
 */
public final class JdbcSyncCursors {

  private static final String SELECT =
      "select entity, cursor from sync_cursors where connection = ? order by entity";
  private static final String UPSERT =
      "insert into sync_cursors (connection, entity, cursor, updated_at) values (?, ?, ?, ?)"
          + " on conflict (connection, entity) do update set cursor = excluded.cursor,"
          + " updated_at = excluded.updated_at";

  private final DataSource dataSource;

  public JdbcSyncCursors(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** The cursors of {@code connection} by entity, in entity order; empty before its first sync. */
  public Map<String, String> load(String connection) {
    Map<String, String> cursors = new LinkedHashMap<>();
    try (Connection db = dataSource.getConnection();
        PreparedStatement select = db.prepareStatement(SELECT)) {
      select.setString(1, connection);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          cursors.put(rows.getString(1), rows.getString(2));
        }
      }
      return cursors;
    } catch (SQLException e) {
      throw new StoreException("cannot load the sync cursors of " + connection, e);
    }
  }

  /**
   * Stores the cursors of {@code connection} in one transaction: each entity's replaces the stored
   * one; entities not named keep theirs.
   */
  public void save(String connection, Map<String, String> cursors, Instant updatedAt) {
    try (Connection db = dataSource.getConnection()) {
      db.setAutoCommit(false);
      try (PreparedStatement upsert = db.prepareStatement(UPSERT)) {
        for (Map.Entry<String, String> cursor : cursors.entrySet()) {
          upsert.setString(1, connection);
          upsert.setString(2, cursor.getKey());
          upsert.setString(3, cursor.getValue());
          upsert.setTimestamp(4, Timestamp.from(updatedAt));
          upsert.addBatch();
        }
        upsert.executeBatch();
        db.commit();
      } catch (SQLException e) {
        db.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot save the sync cursors of " + connection, e);
    }
  }
}
