package org.revtrace.app.connect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.revtrace.app.cli.StoreImport;
import org.revtrace.core.port.BatchOutcome;
import org.revtrace.ingest.canonical.FileStats;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.connect.SyncCursor;
import org.revtrace.ingest.connect.SyncResult;
import org.revtrace.store.JdbcImportBatches;
import org.revtrace.store.JdbcSyncCursors;

/**
 * One incremental sync of one connection into the store: reads what changed since the stored
 * cursors, commits it as one import batch ({@code connector:<name>}), then saves the moved cursors.
 *
 * <p>The cursors are saved right after the batch is committed, in their own transaction: the batch
 * store owns its transaction. A crash between the two reads the same records again next time, which
 * the store absorbs (same keys, same values: unchanged rows). The syncs read "modified at or after
 * the cursor", so each synced entity re-reads at least its boundary record: when no cursor moved
 * and nothing beyond one boundary record per entity was read, nothing is new and no batch is
 * committed (day cursors have no boundary record: what they read is always committed, and the
 * content hash makes an unchanged window a no-op). A record saved in the same second as the
 * boundary but with a lower id does not move the cursor, yet is read: then the batch is committed
 * (its content hash makes the same set read again next time a no-op).
 */
public final class ConnectionSync {

  private final Connectors connectors;
  private final JdbcImportBatches batches;
  private final JdbcSyncCursors cursors;

  public ConnectionSync(Connectors connectors, JdbcImportBatches batches, JdbcSyncCursors cursors) {
    this.connectors = connectors;
    this.batches = batches;
    this.cursors = cursors;
  }

  /**
   * What one sync did.
   *
   * @param connection the connection's name
   * @param read records read from the source
   * @param kept records that passed the checks
   * @param quarantined records kept aside with an error
   * @param batchId the committed batch, or null when nothing new was read
   * @param repeated true when the same content was already stored
   * @param cursors the cursors saved for next time
   */
  public record Outcome(
      String connection,
      long read,
      long kept,
      long quarantined,
      Long batchId,
      boolean repeated,
      List<SyncCursor> cursors) {

    /** One line: {@code crm: 12 read, 12 kept, 0 quarantined; batch 7; next cursor ...}. */
    public String describe() {
      String batch =
          batchId == null
              ? "no batch (nothing new)"
              : repeated ? "batch " + batchId + " (already stored)" : "batch " + batchId;
      List<String> parts = new ArrayList<>();
      for (SyncCursor cursor : cursors) {
        parts.add(
            cursor.entity()
                + (cursor.isInitial() || cursor.lastDay() != null ? " " : "")
                + cursor.position());
      }
      return String.format(
          java.util.Locale.ROOT,
          "%s: %d read, %d kept, %d quarantined; %s; next cursor %s",
          connection,
          read,
          kept,
          quarantined,
          batch,
          String.join(", ", parts));
    }
  }

  /**
   * Syncs {@code connection} once.
   *
   * @throws RuntimeException when the source or the store fails; nothing is committed then
   */
  public Outcome run(ConnectionSettings connection, Instant now) {
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
    // Only modification-time cursors re-read a boundary record; a day cursor (ad spend) re-reads
    // a whole window, and any record of it may carry a restated number.
    long boundaryRecords = previous.stream().filter(cursor -> cursor.modifiedAt() != null).count();
    Long batchId = null;
    boolean repeated = false;
    if (moved || read > boundaryRecords) {
      BatchOutcome outcome =
          batches.commit(
              "connector:" + connection.name(),
              connection.name(),
              contentHash(connection, result),
              result.data(),
              result.errors(),
              StoreImport.rejectedFiles(result.quarantine()));
      batchId = outcome.batch().id();
      repeated = outcome.repeated();
    }
    Map<String, String> next = new LinkedHashMap<>();
    for (SyncCursor cursor : synced.cursors()) {
      next.put(cursor.entity(), Connectors.write(cursor));
    }
    cursors.save(connection.name(), next, now);
    return new Outcome(
        connection.name(), read, kept, quarantined, batchId, repeated, synced.cursors());
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
