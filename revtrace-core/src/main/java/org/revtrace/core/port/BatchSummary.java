package org.revtrace.core.port;

import java.time.Instant;
import java.util.Objects;

/**
 * One committed import batch.
 *
 * @param id the store's identifier, increasing with commit order
 * @param source where the data came from; part of every row key
 * @param fileName the imported file or folder name
 * @param contentHash the digest that makes a repeated commit a no-op
 * @param committedAt when the batch was committed
 * @param offeredRows good rows offered by the import
 * @param storedRows rows this batch added; the rest had keys that were already stored
 * @param quarantinedRows rejected rows kept in the quarantine
 */
public record BatchSummary(
    long id,
    String source,
    String fileName,
    String contentHash,
    Instant committedAt,
    long offeredRows,
    long storedRows,
    long quarantinedRows) {

  public BatchSummary {
    requireText(source, "source");
    requireText(fileName, "fileName");
    requireText(contentHash, "contentHash");
    Objects.requireNonNull(committedAt, "committedAt");
    if (offeredRows < 0 || storedRows < 0 || quarantinedRows < 0 || storedRows > offeredRows) {
      throw new IllegalArgumentException(
          "bad row counts: offered "
              + offeredRows
              + ", stored "
              + storedRows
              + ", quarantined "
              + quarantinedRows);
    }
  }

  /** Good rows that were skipped because a row with the same key was already stored. */
  public long skippedRows() {
    return offeredRows - storedRows;
  }

  static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
