package org.revtrace.app.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.revtrace.core.port.BatchOutcome;
import org.revtrace.ingest.canonical.FileStats;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.connect.SyncCursor;
import org.revtrace.ingest.connect.SyncResult;
import org.revtrace.store.JdbcImportBatches;
import org.revtrace.store.JdbcSyncCursors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code revtrace sync}: runs the incremental sync of each chosen connection and commits what it
 * read as one import batch ({@code connector:<name>}), then saves the moved cursors.
 *
 * <p>The cursors are saved right after the batch is committed, in their own transaction: the batch
 * store owns its transaction. A crash between the two reads the same records again next time, which
 * the store absorbs (same keys, same values: unchanged rows). The syncs read "modified at or after
 * the cursor", so each synced entity re-reads at least its boundary record: when no cursor moved
 * and nothing beyond one boundary record per entity was read, nothing is new and no batch is
 * committed. A record saved in the same second as the boundary but with a lower id does not move
 * the cursor, yet is read: then the batch is committed (its content hash makes the same set read
 * again next time a no-op).
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
      JdbcImportBatches batches = new JdbcImportBatches(database.dataSource());
      JdbcSyncCursors cursors = new JdbcSyncCursors(database.dataSource());
      for (ConnectionSettings connection : connections) {
        try {
          sync(connection, connectors, batches, cursors, out);
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

  private static void sync(
      ConnectionSettings connection,
      Connectors connectors,
      JdbcImportBatches batches,
      JdbcSyncCursors cursors,
      PrintWriter out) {
    List<SyncCursor> previous = new ArrayList<>();
    cursors
        .load(connection.name())
        .forEach((entity, stored) -> previous.add(Connectors.read(entity, stored)));
    SyncResult synced = connectors.sync(connection, previous);
    ImportResult result = synced.result();
    long read = result.files().stream().mapToLong(FileStats::rowsRead).sum();
    long kept = result.files().stream().mapToLong(FileStats::rowsKept).sum();
    long quarantined = result.files().stream().mapToLong(FileStats::rowsQuarantined).sum();
    boolean moved =
        synced.cursors().stream()
            .anyMatch(
                cursor ->
                    !cursor.equals(
                        previous.stream()
                            .filter(p -> p.entity().equals(cursor.entity()))
                            .findFirst()
                            .orElse(SyncCursor.initial(cursor.source(), cursor.entity()))));
    long boundaryRecords = previous.stream().filter(cursor -> !cursor.isInitial()).count();
    String batch;
    if (moved || read > boundaryRecords) {
      BatchOutcome outcome =
          batches.commit(
              "connector:" + connection.name(),
              connection.name(),
              contentHash(connection, result),
              result.data(),
              result.errors(),
              StoreImport.rejectedFiles(result.quarantine()));
      batch =
          outcome.repeated()
              ? "batch " + outcome.batch().id() + " (already stored)"
              : "batch " + outcome.batch().id();
    } else {
      batch = "no batch (nothing new)";
    }
    Map<String, String> next = new LinkedHashMap<>();
    for (SyncCursor cursor : synced.cursors()) {
      next.put(cursor.entity(), Connectors.write(cursor));
    }
    cursors.save(connection.name(), next, Instant.now());
    out.printf(
        Locale.ROOT,
        "%s: %d read, %d kept, %d quarantined; %s; next cursor %s%n",
        connection.name(),
        read,
        kept,
        quarantined,
        batch,
        describe(synced.cursors()));
    out.flush();
  }

  /** The cursors in one line: {@code crm.deal.list>=2025-03-01T07:02:05Z#125, ...}. */
  private static String describe(List<SyncCursor> cursors) {
    List<String> parts = new ArrayList<>();
    for (SyncCursor cursor : cursors) {
      parts.add(
          cursor.entity()
              + (cursor.isInitial()
                  ? " (none)"
                  : ">=" + cursor.modifiedAt() + "#" + cursor.lastId()));
    }
    return String.join(", ", parts);
  }

  /**
   * SHA-256 over the connection's name and the mapped records and errors (records are value objects
   * with a stable text form), so the same read stored twice is one batch.
   */
  private static String contentHash(ConnectionSettings connection, ImportResult result) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(connection.name().getBytes(StandardCharsets.UTF_8));
      digest.update(result.data().toString().getBytes(StandardCharsets.UTF_8));
      digest.update(result.errors().toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
