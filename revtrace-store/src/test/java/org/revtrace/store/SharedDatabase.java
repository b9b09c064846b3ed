package org.revtrace.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** One embedded database for the whole test run, emptied between tests. */
final class SharedDatabase {

  private static EmbeddedDatabase database;

  private SharedDatabase() {}

  /** The running database, started on first use in a fresh directory under {@code target/}. */
  static synchronized EmbeddedDatabase get() {
    if (database == null) {
      // A fresh cluster per run: one left by an earlier run may hold an edited migration's old
      // checksum, which Flyway would refuse.
      Path directory = Path.of("target", "it-pg");
      SharedDatabaseFiles.delete(directory);
      database = EmbeddedDatabase.start(directory);
      Runtime.getRuntime().addShutdownHook(new Thread(database::close));
    }
    return database;
  }

  /** The database with every table emptied and batch ids restarted. */
  static DataSource empty() {
    DataSource dataSource = get().dataSource();
    truncateAll(dataSource);
    return dataSource;
  }

  /**
   * Empties every table of the schema (but Flyway's history) and restarts the ids, so a new
   * migration's tables are emptied too without touching this list.
   */
  static void truncateAll(DataSource dataSource) {
    List<String> tables = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select tablename from pg_tables where schemaname = 'public'"
                    + " and tablename <> 'flyway_schema_history'")) {
      while (rows.next()) {
        tables.add('"' + rows.getString(1) + '"');
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list the tables", e);
    }
    execute(dataSource, "truncate " + String.join(", ", tables) + " restart identity");
  }

  static void execute(DataSource dataSource, String sql) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  static long count(DataSource dataSource, String table) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("select count(*) from " + table)) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(table, e);
    }
  }
}
