package org.revtrace.app.web.settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.revtrace.app.cli.BadArgument;
import org.revtrace.app.connect.ConnectionRuns;
import org.revtrace.app.connect.ConnectionSettings;
import org.revtrace.app.connect.Connectors;
import org.revtrace.app.connect.StoredConnections;
import org.revtrace.store.JdbcSyncRuns;
import org.revtrace.store.SyncRun;
import org.springframework.stereotype.Service;

/** What the settings page and the connections API do, in one place for both. */
@Service
class ConnectionService {

  /** The most runs the history shows. */
  static final int HISTORY = 50;

  /**
   * The answer of a connection test.
   *
   * @param ok true when the source answered
   * @param message what was checked, or the error with the connection's secrets blanked out
   */
  record TestResult(boolean ok, String message) {}

  private final StoredConnections connections;
  private final JdbcSyncRuns runs;
  private final Connectors connectors;
  private final ConnectionRuns recorder;
  private final ConnectionSyncs syncs;

  ConnectionService(
      StoredConnections connections,
      JdbcSyncRuns runs,
      Connectors connectors,
      ConnectionRuns recorder,
      ConnectionSyncs syncs) {
    this.connections = connections;
    this.runs = runs;
    this.connectors = connectors;
    this.recorder = recorder;
    this.syncs = syncs;
  }

  /** Every connection with its last run, by name. */
  List<ConnectionViews.Row> rows() {
    Map<String, SyncRun> latest = runs.latest();
    return connections.list().stream()
        .map(connection -> row(connection, latest.get(connection.name())))
        .toList();
  }

  /** One connection with its last run. */
  Optional<ConnectionViews.Row> row(String name) {
    return connections
        .listing(name)
        .map(
            connection -> row(connection, runs.history(name, 1).stream().findFirst().orElse(null)));
  }

  /** The newest runs of a connection, newest first. */
  List<SyncRun> history(String name, int limit) {
    return runs.history(name, Math.max(1, Math.min(limit, HISTORY)));
  }

  /**
   * Stores an edit as {@code actor}.
   *
   * @param creating true when the form adds a connection: an existing name is then refused
   * @throws BadArgument when the settings are invalid or the name is taken
   */
  ConnectionViews.Row save(StoredConnections.Edit edit, boolean creating, String actor) {
    if (creating && connections.listing(edit.name()).isPresent()) {
      throw new BadArgument("a connection named " + edit.name() + " exists already");
    }
    StoredConnections.Listing saved = connections.save(edit, actor);
    return row(saved.name()).orElseThrow();
  }

  /** Deletes a connection; false when there was none. */
  boolean delete(String name) {
    return connections.delete(name);
  }

  /** Sends the source's one cheap request (Connectors.test) and says what happened. */
  TestResult test(String name) {
    ConnectionSettings connection = null;
    try {
      connection =
          connections.find(name).orElseThrow(() -> new BadArgument("no connection " + name));
      return new TestResult(true, connectors.test(connection));
    } catch (RuntimeException e) {
      return new TestResult(false, recorder.describe(connection, e));
    }
  }

  /**
   * Starts a sync in the background.
   *
   * @return false when one of that connection is already running here
   */
  boolean startSync(String name, String user) {
    return syncs.start(name, SyncRun.Trigger.MANUAL, user).isPresent();
  }

  private ConnectionViews.Row row(StoredConnections.Listing connection, SyncRun last) {
    return new ConnectionViews.Row(
        connection, ConnectionViews.secrets(connection), last, syncs.isRunning(connection.name()));
  }
}
