package org.revtrace.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
    execute(
        dataSource,
        "truncate batches, batch_tables, quarantine, rejected_files, rejected_rows, currencies,"
            + " spend, touchpoints, leads, deals, stage_changes, payments, accounts, contacts, costs, rates restart identity");
    return dataSource;
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
