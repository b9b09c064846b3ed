package org.revtrace.app.web.settings;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.revtrace.app.cli.LoadedReports;
import org.revtrace.app.connect.ConnectionRuns;
import org.revtrace.store.SyncRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Syncs started from the page, the API or the schedule, each in the background: at most one per
 * connection in this server (and one across processes, {@link ConnectionRuns}); a sync that
 * committed new data refreshes the loaded reports, as an import does.
 */
@Service
class ConnectionSyncs implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionSyncs.class);

  /** What a background sync ends with: the recorded run, or empty when another one was running. */
  private final Map<String, CompletableFuture<Optional<ConnectionRuns.Result>>> running =
      new ConcurrentHashMap<>();

  private final ConnectionRuns runs;
  private final LoadedReports reports;
  private final ExecutorService executor;

  ConnectionSyncs(
      ConnectionRuns runs,
      LoadedReports reports,
      @Value("${revtrace.connections.parallel-syncs:2}") int threads) {
    this.runs = runs;
    this.reports = reports;
    this.executor =
        Executors.newFixedThreadPool(
            Math.max(1, threads), SettingsConfiguration.daemonThreads("revtrace-sync-"));
  }

  /** Stops the running syncs with the server (their runs are not recorded then). */
  @Override
  public void destroy() {
    executor.shutdownNow();
  }

  /**
   * Starts a sync of {@code name} in the background.
   *
   * @param startedBy the user, or null for the schedule
   * @return its completion, or empty when a sync of that connection is already running here
   */
  Optional<CompletableFuture<Optional<ConnectionRuns.Result>>> start(
      String name, SyncRun.Trigger trigger, String startedBy) {
    CompletableFuture<Optional<ConnectionRuns.Result>> done = new CompletableFuture<>();
    if (running.putIfAbsent(name, done) != null) {
      return Optional.empty();
    }
    try {
      executor.execute(() -> sync(name, trigger, startedBy, done));
    } catch (RuntimeException refused) {
      running.remove(name, done);
      throw refused;
    }
    return Optional.of(done);
  }

  /** True while a sync of {@code name} started here runs. */
  boolean isRunning(String name) {
    return running.containsKey(name);
  }

  /** The completion of the sync of {@code name} running here, if one is. */
  Optional<CompletableFuture<Optional<ConnectionRuns.Result>>> running(String name) {
    return Optional.ofNullable(running.get(name));
  }

  private void sync(
      String name,
      SyncRun.Trigger trigger,
      String startedBy,
      CompletableFuture<Optional<ConnectionRuns.Result>> done) {
    Optional<ConnectionRuns.Result> result;
    try {
      result = runs.run(name, trigger, startedBy);
      result.ifPresentOrElse(
          recorded -> {
            SyncRun run = recorded.run();
            if (run.status() == SyncRun.Status.OK) {
              LOG.info(
                  "Sync of {} ({}): {} read, {} kept, {} quarantined, batch {}",
                  name,
                  trigger.code(),
                  run.rowsRead(),
                  run.rowsKept(),
                  run.rowsQuarantined(),
                  run.batchId());
            } else {
              // The recorded error is already redacted.
              LOG.warn("Sync of {} ({}) failed: {}", name, trigger.code(), run.error());
            }
            if (recorded.committedNewData()) {
              reports.refresh();
            }
          },
          () -> LOG.info("Sync of {} skipped: another process is syncing it", name));
    } catch (RuntimeException | Error e) {
      // Only the store or the refresh fail here (source errors are recorded runs); their messages
      // carry no secret.
      LOG.error("Sync of {} could not run: {}", name, e.toString());
      running.remove(name, done);
      done.completeExceptionally(e);
      return;
    }
    running.remove(name, done);
    done.complete(result);
  }
}
