package org.revtrace.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The connections in the table {@code connections}, by unique name. Settings and sealed secrets go
 * to {@code jsonb} columns through PostgreSQL's {@code jsonb_object(keys, values)}, so the store
 * needs no JSON library.
 */
public final class JdbcConnections {

  /**
   * What to store for a connection; the audit columns are the store's.
   *
   * @param name the connection's unique name
   * @param source the connector's code
   * @param settings the settings by key (no secret)
   * @param secrets the sealed secrets by key, replacing every stored one
   * @param enabled false: scheduled and {@code --all} syncs skip it
   * @param syncEveryMinutes minutes between scheduled syncs; 0: none
   */
  public record Change(
      String name,
      String source,
      Map<String, String> settings,
      Map<String, String> secrets,
      boolean enabled,
      int syncEveryMinutes) {

    public Change {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(source, "source");
      settings = Map.copyOf(settings);
      secrets = Map.copyOf(secrets);
      if (syncEveryMinutes < 0) {
        throw new IllegalArgumentException("syncEveryMinutes < 0: " + syncEveryMinutes);
      }
    }
  }

  private static final String COLUMNS =
      "name, source,"
          + " (select coalesce(array_agg(key order by key), '{}') from jsonb_each_text(settings)),"
          + " (select coalesce(array_agg(value order by key), '{}') from jsonb_each_text(settings)),"
          + " (select coalesce(array_agg(key order by key), '{}') from jsonb_each_text(secrets)),"
          + " (select coalesce(array_agg(value order by key), '{}') from jsonb_each_text(secrets)),"
          + " enabled, sync_every_minutes, created_at, created_by, updated_at, updated_by";
  private static final String UPSERT =
      "insert into connections (name, source, settings, secrets, enabled, sync_every_minutes,"
          + " created_at, created_by, updated_at, updated_by)"
          + " values (?, ?, jsonb_object(?::text[], ?::text[]), jsonb_object(?::text[], ?::text[]),"
          + " ?, ?, ?, ?, ?, ?)"
          + " on conflict (name) do update set source = excluded.source,"
          + " settings = excluded.settings, secrets = excluded.secrets,"
          + " enabled = excluded.enabled, sync_every_minutes = excluded.sync_every_minutes,"
          + " updated_at = excluded.updated_at, updated_by = excluded.updated_by"
          + " returning "
          + COLUMNS;

  private final DataSource dataSource;

  public JdbcConnections(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** Every connection, by name. */
  public List<StoredConnection> list() {
    try (Connection db = dataSource.getConnection();
        PreparedStatement select =
            db.prepareStatement("select " + COLUMNS + " from connections order by name");
        ResultSet rows = select.executeQuery()) {
      List<StoredConnection> connections = new ArrayList<>();
      while (rows.next()) {
        connections.add(read(rows));
      }
      return connections;
    } catch (SQLException e) {
      throw new StoreException("cannot list the connections", e);
    }
  }

  /** The connection named {@code name}, if stored. */
  public Optional<StoredConnection> find(String name) {
    try (Connection db = dataSource.getConnection();
        PreparedStatement select =
            db.prepareStatement("select " + COLUMNS + " from connections where name = ?")) {
      select.setString(1, name);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(read(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot load the connection " + name, e);
    }
  }

  /**
   * Inserts the connection, or replaces the stored one of the same name (keeping when and by whom
   * it was created).
   *
   * @return the connection as stored now
   */
  public StoredConnection save(Change change, String actor, Instant at) {
    Objects.requireNonNull(actor, "actor");
    Map<String, String> settings = new TreeMap<>(change.settings());
    Map<String, String> secrets = new TreeMap<>(change.secrets());
    try (Connection db = dataSource.getConnection();
        PreparedStatement upsert = db.prepareStatement(UPSERT)) {
      Timestamp time = Timestamp.from(at);
      upsert.setString(1, change.name());
      upsert.setString(2, change.source());
      upsert.setArray(3, db.createArrayOf("text", settings.keySet().toArray()));
      upsert.setArray(4, db.createArrayOf("text", settings.values().toArray()));
      upsert.setArray(5, db.createArrayOf("text", secrets.keySet().toArray()));
      upsert.setArray(6, db.createArrayOf("text", secrets.values().toArray()));
      upsert.setBoolean(7, change.enabled());
      upsert.setInt(8, change.syncEveryMinutes());
      upsert.setTimestamp(9, time);
      upsert.setString(10, actor);
      upsert.setTimestamp(11, time);
      upsert.setString(12, actor);
      try (ResultSet row = upsert.executeQuery()) {
        row.next();
        return read(row);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot save the connection " + change.name(), e);
    }
  }

  /**
   * Deletes the connection and its sync history; its sync cursors stay (a connection added again
   * under the same name goes on from them).
   *
   * @return false when no connection had that name
   */
  public boolean delete(String name) {
    try (Connection db = dataSource.getConnection();
        PreparedStatement delete = db.prepareStatement("delete from connections where name = ?")) {
      delete.setString(1, name);
      return delete.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new StoreException("cannot delete the connection " + name, e);
    }
  }

  private static StoredConnection read(ResultSet row) throws SQLException {
    return new StoredConnection(
        row.getString(1),
        row.getString(2),
        pairs(row.getArray(3), row.getArray(4)),
        pairs(row.getArray(5), row.getArray(6)),
        row.getBoolean(7),
        row.getInt(8),
        row.getTimestamp(9).toInstant(),
        row.getString(10),
        row.getTimestamp(11).toInstant(),
        row.getString(12));
  }

  private static Map<String, String> pairs(Array keys, Array values) throws SQLException {
    String[] k = (String[]) keys.getArray();
    String[] v = (String[]) values.getArray();
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < k.length; i++) {
      map.put(k[i], v[i]);
    }
    return map;
  }
}
