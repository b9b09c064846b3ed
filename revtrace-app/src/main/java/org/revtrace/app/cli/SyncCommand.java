package org.revtrace.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.revtrace.app.connect.ConnectionRuns;
import org.revtrace.app.connect.ConnectionSettings;
import org.revtrace.app.connect.ConnectionSync;
import org.revtrace.app.connect.ConnectionsFile;
import org.revtrace.app.connect.Connectors;
import org.revtrace.app.connect.SecretBox;
import org.revtrace.app.connect.StoredConnections;
import org.revtrace.store.JdbcConnections;
import org.revtrace.store.JdbcImportBatches;
import org.revtrace.store.JdbcSyncCursors;
import org.revtrace.store.JdbcSyncRuns;
import org.revtrace.store.SyncRun;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code revtrace sync}: runs the incremental sync of each chosen stored connection ({@link
 * ConnectionSync}), commits what it read as one import batch ({@code connector:<name>}) and records
 * the run in the sync history. With {@code --config} the file's connections are stored first.
 */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = {
      "Read what changed since the last sync from each connection of the store and commit it as",
      "one batch per connection. --config FILE stores the file's connections first (connections",
      "as code). A failing connection does not stop the others; exit code 1 when any failed."
    })
public final class SyncCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Where secrets are read; the process environment unless a test sets another. */
  public Map<String, String> environment = System.getenv();

  static final class Which {
    @Option(names = "--name", description = "Sync only this connection (even when disabled).")
    String name;

    @Option(names = "--all", description = "Sync every enabled connection (the default).")
    boolean all;
  }

  @ArgGroup(exclusive = true)
  Which which;

  @Option(
      names = "--config",
      description =
          "A connections file (e.g. revtrace-data/connections.yaml) whose entries are stored"
              + " (added or replaced) before syncing.")
  Path config;

  @Mixin StoreOptions store;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<ConnectionSettings> fromFile = config == null ? List.of() : ConnectionsFile.load(config);
    Connectors connectors = Connectors.standard(environment);
    Clock clock = Clock.systemUTC();
    int failed = 0;
    try (StoreOptions.OpenDatabase database = store.openDatabase()) {
      StoredConnections connections =
          new StoredConnections(
              new JdbcConnections(database.dataSource()),
              SecretBox.of(environment, SecretBox.keyFileBeside(store.directory)),
              clock);
      for (ConnectionSettings connection : fromFile) {
        connections.upsert(connection, ConnectCommand.ACTOR);
      }
      ConnectionRuns runs =
          new ConnectionRuns(
              connections,
              connectors,
              new ConnectionSync(
                  connectors,
                  new JdbcImportBatches(database.dataSource()),
                  new JdbcSyncCursors(database.dataSource())),
              new JdbcSyncRuns(database.dataSource()),
              clock);
      for (StoredConnections.Listing connection : chosen(connections.list())) {
        if (!connection.enabled() && (which == null || which.name == null)) {
          out.printf("%s: skipped (disabled)%n", connection.name());
          continue;
        }
        Optional<ConnectionRuns.Result> result =
            runs.run(connection.name(), SyncRun.Trigger.CLI, ConnectCommand.ACTOR);
        if (result.isEmpty()) {
          failed++;
          err.printf("%s: skipped: another sync of it is running%n", connection.name());
        } else if (result.get().outcome() == null) {
          failed++;
          err.printf("%s: failed: %s%n", connection.name(), result.get().run().error());
        } else {
          out.println(result.get().outcome().describe());
        }
        out.flush();
        err.flush();
      }
    }
    return failed == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  private List<StoredConnections.Listing> chosen(List<StoredConnections.Listing> connections) {
    if (connections.isEmpty()) {
      throw new BadArgument(
          "no connections in the store; add one with: revtrace connect <source> --name N ...,"
              + " on the settings page, or store a connections file with sync --config FILE");
    }
    if (which == null || which.name == null) {
      return connections;
    }
    return connections.stream()
        .filter(connection -> connection.name().equals(which.name))
        .findFirst()
        .map(List::of)
        .orElseThrow(() -> new BadArgument("no connection named " + which.name + " in the store"));
  }
}
