package org.revtrace.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * A PostgreSQL 17 server run by this process from binaries on the class path, with its data kept in
 * a directory between runs.
 *
 * <p>It listens on a free port of localhost with trust authentication for the {@code postgres}
 * role, so it is meant for one machine; a team points Revtrace at an external server ({@link
 * Database}). When the process runs as root, the server runs in a user namespace ({@code unshare
 * -U}), because PostgreSQL refuses to run as root.
 *
 * <p>One server per directory and process: starting a directory whose server this process already
 * runs returns another handle to it (a reference count), and the server stops when the last handle
 * is closed. So the web server's users and the store loading for reports share one PostgreSQL.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  /** The default data directory, relative to the working directory. */
  public static final Path DEFAULT_DIRECTORY = Path.of("revtrace-data", "pg");

  /** The database holding Revtrace's tables. */
  public static final String DATABASE_NAME = "revtrace";

  private static final String SUPERUSER = "postgres";

  private static final java.time.Duration STARTUP_WAIT = java.time.Duration.ofSeconds(120);

  /** The servers this process runs, by absolute data directory. */
  private static final Map<Path, Server> RUNNING = new HashMap<>();

  /** A running server and how many open handles share it. */
  private static final class Server {
    final EmbeddedPostgres postgres;
    int handles;

    Server(EmbeddedPostgres postgres) {
      this.postgres = postgres;
    }
  }

  private final EmbeddedPostgres postgres;
  private final Path directory;
  private boolean closed;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory) {
    this.postgres = postgres;
    this.directory = directory;
  }

  /**
   * Starts the server on {@code directory} and a free port, creating the cluster and the {@code
   * revtrace} database on first use, and applies the migrations.
   */
  public static EmbeddedDatabase start(Path directory) {
    return start(directory, 0);
  }

  /**
   * Starts the server on {@code directory} and {@code port} (0: any free port), creating the
   * cluster and the {@code revtrace} database on first use, and applies the migrations.
   */
  public static EmbeddedDatabase start(Path directory, int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("not a TCP port: " + port);
    }
    Path absolute = directory.toAbsolutePath().normalize();
    synchronized (RUNNING) {
      Server running = RUNNING.get(absolute);
      if (running != null) {
        if (port != 0 && port != running.postgres.getPort()) {
          throw new IllegalStateException(
              "embedded PostgreSQL in "
                  + absolute
                  + " already runs on port "
                  + running.postgres.getPort()
                  + ", not "
                  + port);
        }
        running.handles++;
        return new EmbeddedDatabase(running.postgres, absolute);
      }
      EmbeddedPostgres postgres = launch(absolute, port);
      EmbeddedDatabase database = new EmbeddedDatabase(postgres, absolute);
      try {
        database.createDatabaseIfAbsent();
        Migrations.apply(database.dataSource());
      } catch (RuntimeException e) {
        stop(postgres, absolute);
        throw e;
      }
      Server server = new Server(postgres);
      server.handles = 1;
      RUNNING.put(absolute, server);
      return database;
    }
  }

  private static EmbeddedPostgres launch(Path absolute, int port) {
    try {
      Files.createDirectories(absolute.getParent());
      stopOrphanedServer(absolute);
      return EmbeddedPostgres.builder()
          .setDataDirectory(absolute)
          .setCleanDataDirectory(false)
          .setPort(port)
          // After a crash PostgreSQL replays its write-ahead log before it accepts
          // connections; zonky's 10 s default gives up too early on a busy machine.
          .setPGStartupWait(STARTUP_WAIT)
          .setServerConfig("listen_addresses", "localhost")
          // zonky's defaults are for throw-away test databases (fsync and synchronous commit
          // off); this directory holds the user's data, so a crash must not corrupt it.
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on")
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL in " + absolute, e);
    }
  }

  /** A data source for the {@code revtrace} database; each request opens a new connection. */
  public DataSource dataSource() {
    return postgres.getDatabase(SUPERUSER, DATABASE_NAME);
  }

  /** The connection settings of the running server, for tools such as {@code pg_dump}. */
  public Database database() {
    return new Database(postgres.getJdbcUrl(SUPERUSER, DATABASE_NAME), SUPERUSER, "");
  }

  /** The TCP port the server listens on (chosen free at start). */
  public int port() {
    return postgres.getPort();
  }

  /** The data directory. */
  public Path directory() {
    return directory;
  }

  /**
   * Releases this handle; the last handle of the directory stops the server (fast shutdown: open
   * transactions are rolled back) and keeps the data. Closing a handle twice does nothing.
   */
  @Override
  public void close() {
    synchronized (RUNNING) {
      if (closed) {
        return;
      }
      closed = true;
      Server server = RUNNING.get(directory);
      if (server == null || server.postgres != postgres) {
        return;
      }
      if (--server.handles == 0) {
        RUNNING.remove(directory);
        stop(postgres, directory);
      }
    }
  }

  private static void stop(EmbeddedPostgres postgres, Path directory) {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop embedded PostgreSQL in " + directory, e);
    }
  }

  /**
   * A Revtrace process killed with SIGKILL leaves its PostgreSQL running (pg_ctl detaches it), and
   * that server would keep the directory from starting again. When no live process holds zonky's
   * lock on the directory, a server still named in {@code postmaster.pid} is such an orphan: it is
   * shut down (SIGTERM, PostgreSQL's smart shutdown; SIGKILL after a minute) before the start. A
   * directory locked by another live process is refused with a clear message.
   */
  private static void stopOrphanedServer(Path directory) throws IOException {
    Path pidFile = directory.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
      return;
    }
    Optional<ProcessHandle> server =
        ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
    if (server.isEmpty()
        || !server.get().info().command().map(c -> c.endsWith("postgres")).orElse(false)) {
      return; // a stale file: PostgreSQL itself deals with it
    }
    if (!lockIsFree(directory.resolve("epg-lock"))) {
      throw new IllegalStateException(
          "the database in "
              + directory
              + " is in use by another running revtrace process (PostgreSQL pid "
              + server.get().pid()
              + "); stop it first, or use another --db-dir");
    }
    ProcessHandle orphan = server.get();
    orphan.destroy();
    try {
      orphan.onExit().get(60, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      orphan.destroyForcibly();
      orphan.onExit().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the orphaned PostgreSQL", e);
    } catch (ExecutionException e) {
      throw new IOException("cannot stop the orphaned PostgreSQL", e);
    }
  }

  private static boolean lockIsFree(Path lockFile) throws IOException {
    if (!Files.exists(lockFile)) {
      return true;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      return lock != null;
    } catch (OverlappingFileLockException e) {
      return false; // this very process has the directory open
    }
  }

  private void createDatabaseIfAbsent() {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, DATABASE_NAME);
      try (ResultSet row = exists.executeQuery()) {
        if (row.next()) {
          return;
        }
      }
      try (Statement create = connection.createStatement()) {
        // UTF-8 and the C collation regardless of the host locale, so sorting is byte order
        // everywhere.
        create.execute(
            "create database "
                + DATABASE_NAME
                + " template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + DATABASE_NAME, e);
    }
  }

  @Override
  public String toString() {
    return "EmbeddedDatabase[" + directory + " on port " + port() + "]";
  }
}
