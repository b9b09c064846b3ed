package org.revtrace.app.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.revtrace.core.port.ImportBatches;
import org.revtrace.store.Database;
import org.revtrace.store.EmbeddedDatabase;
import org.revtrace.store.JdbcImportBatches;
import org.revtrace.store.Migrations;
import picocli.CommandLine.Option;

/**
 * Where the store is: an external PostgreSQL named by {@code REVTRACE_DB_URL} (with {@code
 * REVTRACE_DB_USER}, {@code REVTRACE_DB_PASSWORD}), else the embedded one under {@code --db-dir}.
 */
public final class StoreOptions {

  @Option(
      names = "--db-dir",
      defaultValue = "revtrace-data/pg",
      description = "Data directory of the embedded PostgreSQL (default: ${DEFAULT-VALUE}).")
  Path directory = EmbeddedDatabase.DEFAULT_DIRECTORY;

  /** An open store; closing it stops the embedded database, if one was started. */
  public record OpenStore(ImportBatches batches, String description, AutoCloseable server)
      implements AutoCloseable {

    @Override
    public void close() throws Exception {
      if (server != null) {
        server.close();
      }
    }
  }

  /** An open database; closing it stops the embedded server, if one was started. */
  public record OpenDatabase(DataSource dataSource, String description, AutoCloseable server)
      implements AutoCloseable {

    @Override
    public void close() throws Exception {
      if (server != null) {
        server.close();
      }
    }
  }

  /** The store's database with its migrations applied. */
  OpenDatabase openDatabase() {
    return openDatabase(directory, System.getenv());
  }

  /**
   * The external database named by {@code REVTRACE_DB_URL} in {@code environment}, else the
   * embedded one started in {@code directory}; migrations are applied either way.
   */
  public static OpenDatabase openDatabase(Path directory, Map<String, String> environment) {
    Optional<Database> external = Database.fromEnvironment(environment);
    if (external.isPresent()) {
      DataSource dataSource = external.get().dataSource();
      Migrations.apply(dataSource);
      return new OpenDatabase(dataSource, external.get().toString(), null);
    }
    EmbeddedDatabase embedded = EmbeddedDatabase.start(directory);
    return new OpenDatabase(
        embedded.dataSource(),
        "embedded PostgreSQL in " + directory.toAbsolutePath().normalize(),
        embedded);
  }

  OpenStore open() {
    OpenDatabase database = openDatabase();
    return new OpenStore(
        new JdbcImportBatches(database.dataSource()), database.description(), database.server());
  }
}
