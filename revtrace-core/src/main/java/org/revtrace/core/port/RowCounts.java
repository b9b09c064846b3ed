package org.revtrace.core.port;

/**
 * What a batch did to the rows of one canonical table.
 *
 * @param inserted rows whose key was new
 * @param updated rows whose key was stored with different values: the batch's version replaced it
 * @param unchanged rows whose key was stored with the same values, or repeated later in the batch
 */
public record RowCounts(long inserted, long updated, long unchanged) {

  /** No rows. */
  public static final RowCounts NONE = new RowCounts(0, 0, 0);

  public RowCounts {
    if (inserted < 0 || updated < 0 || unchanged < 0) {
      throw new IllegalArgumentException(
          "negative row counts: inserted "
              + inserted
              + ", updated "
              + updated
              + ", unchanged "
              + unchanged);
    }
  }

  /** Every row the batch offered for the table: inserted + updated + unchanged. */
  public long offered() {
    return inserted + updated + unchanged;
  }

  /** Rows whose stored version now comes from the batch: inserted + updated. */
  public long stored() {
    return inserted + updated;
  }

  /** The counts of both, added. */
  public RowCounts plus(RowCounts other) {
    return new RowCounts(
        inserted + other.inserted, updated + other.updated, unchanged + other.unchanged);
  }
}
