package org.revtrace.ingest.connect;

import java.util.Objects;
import org.revtrace.ingest.canonical.ImportResult;

/**
 * The outcome of one API sync: the spend rows and row errors of the range read, and the cursor to
 * store for the next sync.
 */
public record SyncBatch(DateRange range, ImportResult result, SpendCursor next) {

  public SyncBatch {
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(next, "next");
  }
}
