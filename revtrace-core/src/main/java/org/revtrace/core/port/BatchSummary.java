package org.revtrace.core.port;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One committed import batch.
 *
 * @param id the store's identifier, increasing with commit order
 * @param source where the data came from; part of every row key
 * @param fileName the imported file or folder name
 * @param contentHash the digest that makes a repeated commit a no-op
 * @param committedAt when the batch was committed
 * @param tables what the batch did per canonical table ({@code spend}, {@code touchpoints}, {@code
 *     leads}, {@code deals}, {@code stage_changes}, {@code payments}, {@code accounts}, {@code
 *     contacts}, {@code costs}, {@code rates}): one entry for each table the batch offered rows
 *     for, in that order (a store may add an entry {@code *} for rows it counted without a table,
 *     such as batches committed before it counted per table)
 * @param quarantinedRows rejected rows kept in the quarantine
 */
public record BatchSummary(
    long id,
    String source,
    String fileName,
    String contentHash,
    Instant committedAt,
    Map<String, RowCounts> tables,
    long quarantinedRows) {

  public BatchSummary {
    requireText(source, "source");
    requireText(fileName, "fileName");
    requireText(contentHash, "contentHash");
    Objects.requireNonNull(committedAt, "committedAt");
    if (quarantinedRows < 0) {
      throw new IllegalArgumentException("negative quarantined rows: " + quarantinedRows);
    }
    Map<String, RowCounts> copy = new LinkedHashMap<>();
    tables.forEach(
        (table, counts) -> {
          requireText(table, "table");
          copy.put(table, Objects.requireNonNull(counts, table));
        });
    tables = Collections.unmodifiableMap(copy);
  }

  /** The counts of every table added up. */
  public RowCounts totals() {
    RowCounts totals = RowCounts.NONE;
    for (RowCounts counts : tables.values()) {
      totals = totals.plus(counts);
    }
    return totals;
  }

  /**
   * The counts of {@code table}; {@link RowCounts#NONE} when the batch offered none of its rows.
   */
  public RowCounts table(String table) {
    return tables.getOrDefault(table, RowCounts.NONE);
  }

  /** Good rows offered by the import. */
  public long offeredRows() {
    return totals().offered();
  }

  /** Rows this batch added or replaced: inserted + updated. */
  public long storedRows() {
    return totals().stored();
  }

  /** Rows with a new key. */
  public long insertedRows() {
    return totals().inserted();
  }

  /** Rows that replaced a stored version with different values. */
  public long updatedRows() {
    return totals().updated();
  }

  /** Rows equal to the stored version (or repeated within the batch): nothing changed. */
  public long unchangedRows() {
    return totals().unchanged();
  }

  /** The same as {@link #unchangedRows()}: good rows that changed nothing. */
  public long skippedRows() {
    return unchangedRows();
  }

  static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
