package org.revtrace.core.port;

import java.util.List;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.RowError;

/**
 * The stored history of imports: each import is one batch whose rows are committed together.
 *
 * <p>Rules every implementation keeps (checked by the contract suite {@code
 * ImportBatchesContract}):
 *
 * <ul>
 *   <li><b>All or nothing.</b> A batch's good rows, its quarantined rows and its summary are
 *       committed together or not at all.
 *   <li><b>Same file, same batch.</b> Committing the same {@code source} and {@code contentHash}
 *       again stores nothing and returns the earlier batch.
 *   <li><b>No double counting.</b> A row is identified by its source and key. Keys: {@code
 *       touchpoint_id}, {@code lead_id}, {@code deal_id}, {@code payment_id}, {@code account_id},
 *       {@code contact_id}; id-less rows by their natural key (spend: date, channel, utm source,
 *       medium, campaign, currency; stage change: deal, stage, entered at; cost: every column;
 *       rate: date, currency).
 *   <li><b>The newest version wins.</b> A row whose key is stored with different values replaces
 *       the stored one (updated: a deal that was won since, restated spend, a corrected rate); a
 *       row equal to the stored one changes nothing (unchanged). Stage changes and costs are keyed
 *       by every column, so they are only ever appended. Within one batch the first row of a key
 *       counts, later ones are unchanged. Batches apply in commit order, so an older batch never
 *       overwrites a newer one.
 *   <li><b>Order.</b> {@link #loadAll()} returns one version per key, in the order keys were first
 *       stored: by batch, then by position in the batch's lists; a replaced row keeps its place.
 * </ul>
 */
public interface ImportBatches {

  /**
   * Commits one import batch without rejected rows: {@link #commit(String, String, String,
   * CanonicalData, List, List)} with none.
   */
  default BatchOutcome commit(
      String source,
      String fileName,
      String contentHash,
      CanonicalData data,
      List<RowError> quarantined) {
    return commit(source, fileName, contentHash, data, quarantined, List.of());
  }

  /**
   * Commits one import batch: the good rows of {@code data}, the {@code quarantined} errors and the
   * {@code rejected} rows themselves, per file with its header.
   *
   * @param source where the data came from ({@code canonical}, {@code hubspot}, ...); part of every
   *     row key
   * @param fileName the imported file or folder name, for people reading the batch list
   * @param contentHash a digest of the imported bytes, for example hex SHA-256
   * @param rejected the raw rejected rows per file; file names must not repeat (a repeated name
   *     fails the commit and stores nothing)
   * @return the batch and per table how many rows it inserted, updated and left unchanged; for a
   *     repeat, the earlier batch
   */
  BatchOutcome commit(
      String source,
      String fileName,
      String contentHash,
      CanonicalData data,
      List<RowError> quarantined,
      List<RejectedFile> rejected);

  /** The newest version of every stored row, in commit order: the input of the engine snapshot. */
  CanonicalData loadAll();

  /** The committed batches, oldest first. */
  List<BatchSummary> batches();

  /**
   * The quarantined rows of a batch, in the order they were committed; empty for an unknown batch.
   */
  List<RowError> quarantine(long batchId);

  /**
   * The rejected rows of a batch per file: files by name, each with its header and its rows by
   * line; empty for an unknown batch or one without rejected rows. A repeated commit adds nothing
   * to the earlier batch's rows.
   */
  List<RejectedFile> rejectedRows(long batchId);
}
