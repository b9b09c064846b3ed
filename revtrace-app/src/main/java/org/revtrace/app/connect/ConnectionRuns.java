package org.revtrace.app.connect;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.revtrace.app.cli.BadArgument;
import org.revtrace.store.JdbcSyncRuns;
import org.revtrace.store.SyncRun;

/**
 * Runs the sync of a stored connection and records it in the sync history, whatever happens: an
 * {@code ok} run with its counts and batch, or a {@code failed} one with the error, its secrets
 * blanked out. A sync of one connection runs in one process at a time (a store lock shared by the
 * server and {@code revtrace sync}).
 */
public final class ConnectionRuns {

  /** The longest error text recorded; vendors' answers can be long. */
  static final int MAX_ERROR_LENGTH = 2000;

  /**
   * A recorded run.
   *
   * @param run the run as recorded
   * @param outcome what the sync did, or null when it failed
   */
  public record Result(SyncRun run, ConnectionSync.Outcome outcome) {

    /** True when the run committed a new batch, so loaded reports are out of date. */
    public boolean committedNewData() {
      return outcome != null && outcome.batchId() != null && !outcome.repeated();
    }
  }

  private final StoredConnections connections;
  private final Connectors connectors;
  private final ConnectionSync sync;
  private final JdbcSyncRuns runs;
  private final Clock clock;

  public ConnectionRuns(
      StoredConnections connections,
      Connectors connectors,
      ConnectionSync sync,
      JdbcSyncRuns runs,
      Clock clock) {
    this.connections = Objects.requireNonNull(connections, "connections");
    this.connectors = Objects.requireNonNull(connectors, "connectors");
    this.sync = Objects.requireNonNull(sync, "sync");
    this.runs = Objects.requireNonNull(runs, "runs");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Syncs the stored connection {@code name} once and records the run.
   *
   * @param startedBy the user, or null for the schedule
   * @return the recorded run, or empty when a sync of that connection is already running
   * @throws BadArgument when no connection has that name
   */
  public Optional<Result> run(String name, SyncRun.Trigger trigger, String startedBy) {
    if (connections.listing(name).isEmpty()) {
      throw new BadArgument("no connection named " + name);
    }
    Optional<JdbcSyncRuns.SyncLock> lock = runs.tryLock(name);
    if (lock.isEmpty()) {
      return Optional.empty();
    }
    try (JdbcSyncRuns.SyncLock held = lock.get()) {
      Instant started = clock.instant();
      ConnectionSettings connection = null;
      try {
        connection =
            connections.find(name).orElseThrow(() -> new BadArgument("no connection " + name));
        ConnectionSync.Outcome outcome = sync.run(connection, started);
        SyncRun run =
            runs.record(
                SyncRun.ok(
                    name,
                    trigger,
                    startedBy,
                    started,
                    finished(started),
                    outcome.read(),
                    outcome.kept(),
                    outcome.quarantined(),
                    outcome.batchId()));
        return Optional.of(new Result(run, outcome));
      } catch (RuntimeException e) {
        String error = describe(connection, e);
        SyncRun run =
            runs.record(
                SyncRun.failed(name, trigger, startedBy, started, finished(started), error));
        return Optional.of(new Result(run, null));
      }
    }
  }

  /**
   * The failure's message with the connection's secrets blanked out, cut to {@value
   * #MAX_ERROR_LENGTH} characters.
   */
  public String describe(ConnectionSettings connection, RuntimeException error) {
    String message = error.getMessage();
    if (message == null || message.isBlank()) {
      message = error.getClass().getSimpleName();
    }
    if (connection != null) {
      message = connectors.redact(connection, message);
    }
    return message.length() <= MAX_ERROR_LENGTH
        ? message
        : message.substring(0, MAX_ERROR_LENGTH - 1) + "…";
  }

  private Instant finished(Instant started) {
    Instant now = clock.instant();
    return now.isBefore(started) ? started : now;
  }
}
