package org.revtrace.ingest.connect;

import java.util.List;
import org.revtrace.ingest.canonical.ImportResult;

/**
 * What one sync of a connector produced: the mapped records with their errors, and the cursors to
 * pass to the next sync (one per entity read).
 */
public record SyncResult(ImportResult result, List<SyncCursor> cursors) {

  public SyncResult {
    cursors = List.copyOf(cursors);
  }

  /** The cursor of {@code entity}, or the initial one when the sync did not read it. */
  public SyncCursor cursor(String source, String entity) {
    return cursors.stream()
        .filter(cursor -> cursor.source().equals(source) && cursor.entity().equals(entity))
        .findFirst()
        .orElse(SyncCursor.initial(source, entity));
  }
}
