package org.revtrace.core.port;

import java.util.Objects;

/**
 * What a commit did: the batch it stored, or the earlier batch when the same content was already
 * committed.
 *
 * @param batch the stored batch (for a repeat, the earlier one, unchanged)
 * @param repeated true when nothing was stored because the source and content hash were known
 */
public record BatchOutcome(BatchSummary batch, boolean repeated) {

  public BatchOutcome {
    Objects.requireNonNull(batch, "batch");
  }

  /** Rows added by this call: zero for a repeat. */
  public long storedRows() {
    return repeated ? 0 : batch.storedRows();
  }
}
