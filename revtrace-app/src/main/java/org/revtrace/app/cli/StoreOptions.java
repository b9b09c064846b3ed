package org.revtrace.app.cli;

import java.nio.file.Path;
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

    /** Closes the store, wrapping a failure (for callers that cannot throw checked exceptions). */
    public void stop() {
      try {
        close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot stop " + description + ": " + e.getMessage(), e);
      }
    }
  }

  /** An open database; closing it stops the embedded server, if one was started. */
  record OpenDatabase(DataSource dataSource, String description, AutoCloseable server)
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
    Optional<Database> external = Database.fromEnvironment(System.getenv());
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
    return open(directory);
  }

  /**
   * Opens the external store named by {@code REVTRACE_DB_URL}, else starts the embedded one in
   * {@code directory}; migrations are applied either way.
   */
  public static OpenStore open(Path directory) {
    Optional<Database> external = Database.fromEnvironment(System.getenv());
    if (external.isPresent()) {
      DataSource dataSource = external.get().dataSource();
      Migrations.apply(dataSource);
      return new OpenStore(new JdbcImportBatches(dataSource), external.get().toString(), null);
    }
    EmbeddedDatabase embedded = EmbeddedDatabase.start(directory);
    return new OpenStore(
        new JdbcImportBatches(embedded.dataSource()),
        "embedded PostgreSQL in " + directory.toAbsolutePath().normalize(),
        embedded);
  }
}
