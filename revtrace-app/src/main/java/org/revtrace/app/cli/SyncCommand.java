package org.revtrace.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.revtrace.app.connect.ConnectionSettings;
import org.revtrace.app.connect.ConnectionSync;
import org.revtrace.app.connect.ConnectionsFile;
import org.revtrace.app.connect.Connectors;
import org.revtrace.store.JdbcImportBatches;
import org.revtrace.store.JdbcSyncCursors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code revtrace sync}: runs the incremental sync of each chosen connection ({@link
 * ConnectionSync}) and commits what it read as one import batch ({@code connector:<name>}).
 */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = {
      "Read what changed since the last sync from each connection of the connections file and",
      "commit it to the store as one batch per connection. A failing connection does not stop",
      "the others; exit code 1 when any failed."
    })
public final class SyncCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Where secrets are read; the process environment unless a test sets another. */
  public Map<String, String> environment = System.getenv();

  static final class Which {
    @Option(names = "--name", description = "Sync only this connection.")
    String name;

    @Option(names = "--all", description = "Sync every connection (the default).")
    boolean all;
  }

  @ArgGroup(exclusive = true)
  Which which;

  @Option(
      names = "--config",
      description = "Connections file (default: revtrace-data/connections.yaml).")
  Path config = ConnectionsFile.DEFAULT;

  @Mixin StoreOptions store;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<ConnectionSettings> connections = chosen(ConnectionsFile.load(config));
    Connectors connectors = Connectors.standard(environment);
    int failed = 0;
    try (StoreOptions.OpenDatabase database = store.openDatabase()) {
      ConnectionSync sync =
          new ConnectionSync(
              connectors,
              new JdbcImportBatches(database.dataSource()),
              new JdbcSyncCursors(database.dataSource()));
      for (ConnectionSettings connection : connections) {
        try {
          out.println(sync.run(connection, Instant.now()).describe());
          out.flush();
        } catch (RuntimeException e) {
          failed++;
          err.printf(
              "%s: failed: %s%n", connection.name(), connectors.redact(connection, e.getMessage()));
          err.flush();
        }
      }
    }
    return failed == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  private List<ConnectionSettings> chosen(List<ConnectionSettings> connections) {
    if (connections.isEmpty()) {
      throw new BadArgument(
          "no connections in " + config + "; add one with: revtrace connect <source> --name N ...");
    }
    if (which == null || which.name == null) {
      return connections;
    }
    return connections.stream()
        .filter(connection -> connection.name().equals(which.name))
        .findFirst()
        .map(List::of)
        .orElseThrow(() -> new BadArgument("no connection named " + which.name + " in " + config));
  }
}
