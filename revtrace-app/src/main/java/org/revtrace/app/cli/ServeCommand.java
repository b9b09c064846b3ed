package org.revtrace.app.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.revtrace.app.web.RevtraceServer;
import org.revtrace.app.web.StartupImport;
import org.revtrace.core.port.BatchSummary;
import org.revtrace.store.Database;
import org.revtrace.store.EmbeddedDatabase;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code revtrace serve}: the web server over the store, loaded into memory at start. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Start the web server over the store (embedded PostgreSQL under --db-dir, or",
      "REVTRACE_DB_URL): REST API under /api/v1, dashboard, imports, health and metrics.",
      "--data DIR is imported first (a no-op when already imported); an empty store without",
      "--data gets the demo data set (generated into ./demo-data if absent)."
    })
public final class ServeCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--port",
      description = "HTTP port (default: 8080, or SERVER_PORT; 0 picks a free one).")
  Integer port;

  @Option(
      names = "--data",
      description = "Folder of canonical CSV files to import into the store before serving.")
  Path data;

  @Option(
      names = "--from-store",
      hidden = true,
      description = "Accepted for compatibility: the server always serves the store.")
  boolean fromStore;

  @picocli.CommandLine.Mixin StoreOptions store = new StoreOptions();

  @Option(
      names = "--currency",
      description = "Reporting currency loaded at start (default: RUB, or REVTRACE_CURRENCY).")
  String currency;

  @Override
  public Integer call() throws Exception {
    if (port != null && (port < 0 || port > 65_535)) {
      throw new BadArgument("--port must be 0 to 65535");
    }
    if (data != null && !Files.isDirectory(data)) {
      throw new BadArgument("data folder not found: " + data);
    }
    return serve(
        spec.commandLine().getOut(),
        port,
        data,
        store.directory,
        currency,
        startStoreEarly(store.directory));
  }

  /**
   * Starts the embedded PostgreSQL under {@code databaseDirectory} on another thread, so it comes
   * up while Spring starts (or while {@code demo} prints its report); the server's own start then
   * gets a handle to the running database ({@link EmbeddedDatabase} shares one server per
   * directory). Nothing is started when {@code REVTRACE_DB_URL} names an external database.
   */
  static CompletableFuture<EmbeddedDatabase> startStoreEarly(Path databaseDirectory) {
    if (Database.fromEnvironment(System.getenv()).isPresent()) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.supplyAsync(() -> EmbeddedDatabase.start(databaseDirectory));
  }

  /**
   * Starts the server over the store in {@code databaseDirectory}, importing {@code data} first
   * when given, prints where it listens and blocks until the server stops (Ctrl+C).
   */
  static int serve(
      PrintWriter out,
      Integer port,
      Path data,
      Path databaseDirectory,
      String currency,
      CompletableFuture<EmbeddedDatabase> early)
      throws InterruptedException {
    Map<String, Object> overrides = new LinkedHashMap<>();
    if (port != null) {
      overrides.put("server.port", port);
    }
    if (data != null) {
      overrides.put("revtrace.data", data.toAbsolutePath().normalize());
    }
    if (currency != null) {
      overrides.put("revtrace.currency", Formats.currency(currency));
    }
    overrides.put("revtrace.db-dir", databaseDirectory.toAbsolutePath().normalize());
    ConfigurableApplicationContext context;
    try {
      context =
          RevtraceServer.start(Map.of("server.port", 8080, "revtrace.currency", "RUB"), overrides);
    } finally {
      releaseEarlyStart(early);
    }
    CountDownLatch closed = new CountDownLatch(1);
    context.addApplicationListener(
        event -> {
          if (event instanceof ContextClosedEvent) {
            closed.countDown();
          }
        });
    StartupImport imported = context.getBean(StartupImport.class);
    if (imported.happened()) {
      BatchSummary batch = imported.outcome().batch().batch();
      if (imported.outcome().batch().repeated()) {
        out.printf(
            Locale.ROOT, "%s: already imported as batch %d%n", imported.folder(), batch.id());
      } else {
        out.printf(
            Locale.ROOT,
            "%s imported as batch %d: %,d rows stored, %,d quarantined%n",
            imported.folder(),
            batch.id(),
            batch.storedRows(),
            batch.quarantinedRows());
      }
    }
    LoadedReports reports = context.getBean(LoadedReports.class);
    int actualPort = ((WebServerApplicationContext) context).getWebServer().getPort();
    double seconds =
        (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
    out.printf(
        Locale.ROOT,
        "Started in %.1f s, serving %s: %d batches%n",
        seconds,
        reports.source(),
        reports.version().batches());
    out.printf(Locale.ROOT, "Open http://localhost:%d/ (Ctrl+C stops the server)%n", actualPort);
    out.flush();
    closed.await();
    return ExitCodes.OK;
  }

  /** The server holds its own handle now (or failed with the same error): drop the early one. */
  static void releaseEarlyStart(CompletableFuture<EmbeddedDatabase> early) {
    if (early == null) {
      return;
    }
    try {
      EmbeddedDatabase database = early.join();
      if (database != null) {
        database.close();
      }
    } catch (CompletionException e) {
      // the server's own start reported the same failure
    }
  }
}
