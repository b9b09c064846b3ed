package org.revtrace.core.testing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.RowError;
import org.revtrace.core.port.BatchOutcome;
import org.revtrace.core.port.BatchSummary;
import org.revtrace.core.port.ImportBatches;
import org.revtrace.core.port.RejectedFile;
import org.revtrace.core.port.RowCounts;

/** A hand-written in-memory {@link ImportBatches} for tests; keeps the same rules as the store. */
public final class InMemoryImportBatches implements ImportBatches {

  private final Clock clock;
  private final List<BatchSummary> batches = new ArrayList<>();
  private final Map<Long, List<RowError>> quarantine = new HashMap<>();
  private final Map<Long, List<RejectedFile>> rejectedRows = new HashMap<>();

  /**
   * The newest version of every stored row by table, then by source + key; a {@link LinkedHashMap}
   * keeps the place of a key when its row is replaced, so rows load in the order their keys were
   * first stored.
   */
  private final Map<String, Map<List<Object>, Object>> stored = new LinkedHashMap<>();

  public InMemoryImportBatches(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized BatchOutcome commit(
      String source,
      String fileName,
      String contentHash,
      CanonicalData data,
      List<RowError> quarantined,
      List<RejectedFile> rejected) {
    for (BatchSummary earlier : batches) {
      if (earlier.source().equals(source) && earlier.contentHash().equals(contentHash)) {
        return new BatchOutcome(earlier, true);
      }
    }
    List<RejectedFile> sortedRejected = sorted(rejected);
    Map<String, RowCounts> counts = new LinkedHashMap<>();
    Map<String, Map<List<Object>, Object>> changes = new LinkedHashMap<>();
    apply(source, "spend", data.spend(), RowKeys::spend, counts, changes);
    apply(source, "touchpoints", data.touchpoints(), RowKeys::touchpoint, counts, changes);
    apply(source, "leads", data.leads(), RowKeys::lead, counts, changes);
    apply(source, "deals", data.deals(), RowKeys::deal, counts, changes);
    apply(source, "stage_changes", data.stageChanges(), RowKeys::stageChange, counts, changes);
    apply(source, "payments", data.payments(), RowKeys::payment, counts, changes);
    apply(source, "accounts", data.accounts(), RowKeys::account, counts, changes);
    apply(source, "contacts", data.contacts(), RowKeys::contact, counts, changes);
    apply(source, "costs", data.costs(), RowKeys::cost, counts, changes);
    apply(source, "rates", data.rates(), RowKeys::rate, counts, changes);
    BatchSummary summary =
        new BatchSummary(
            batches.size() + 1L,
            source,
            fileName,
            contentHash,
            clock.instant(),
            counts,
            quarantined.size());
    // Only now, with nothing left to fail, is the batch made visible: all or nothing.
    changes.forEach(
        (table, rows) -> stored.computeIfAbsent(table, name -> new LinkedHashMap<>()).putAll(rows));
    batches.add(summary);
    quarantine.put(summary.id(), List.copyOf(quarantined));
    rejectedRows.put(summary.id(), sortedRejected);
    return new BatchOutcome(summary, false);
  }

  /** The rejected files by name, rows by line; a repeated file name fails as the store's key. */
  private static List<RejectedFile> sorted(List<RejectedFile> rejected) {
    Set<String> names = new HashSet<>();
    List<RejectedFile> files = new ArrayList<>();
    for (RejectedFile file : rejected) {
      if (!names.add(file.file())) {
        throw new IllegalArgumentException("rejected rows of " + file.file() + " given twice");
      }
      List<RejectedFile.RejectedRow> rows = new ArrayList<>(file.rows());
      rows.sort(Comparator.comparingLong(RejectedFile.RejectedRow::line));
      files.add(new RejectedFile(file.file(), file.header(), rows));
    }
    files.sort(Comparator.comparing(RejectedFile::file));
    return List.copyOf(files);
  }

  /** Collects the inserts and replacements of one table's rows into {@code changes}. */
  private <T> void apply(
      String source,
      String table,
      List<T> rows,
      Function<T, List<Object>> key,
      Map<String, RowCounts> counts,
      Map<String, Map<List<Object>, Object>> changes) {
    if (rows.isEmpty()) {
      return;
    }
    Map<List<Object>, Object> current = stored.getOrDefault(table, Map.of());
    // Keys first stored by this batch keep the order of its list.
    Map<List<Object>, Object> changed =
        changes.computeIfAbsent(table, name -> new LinkedHashMap<>());
    Set<List<Object>> seen = new HashSet<>();
    long inserted = 0;
    long updated = 0;
    long unchanged = 0;
    for (T row : rows) {
      List<Object> rowKey = new ArrayList<>(key.apply(row));
      rowKey.add(0, source);
      if (!seen.add(rowKey)) {
        unchanged++;
      } else if (!current.containsKey(rowKey)) {
        changed.put(rowKey, row);
        inserted++;
      } else if (Objects.equals(current.get(rowKey), row)) {
        unchanged++;
      } else {
        changed.put(rowKey, row);
        updated++;
      }
    }
    counts.put(table, new RowCounts(inserted, updated, unchanged));
  }

  @Override
  public synchronized CanonicalData loadAll() {
    return new CanonicalData(
        rows("spend"),
        rows("touchpoints"),
        rows("leads"),
        rows("deals"),
        rows("stage_changes"),
        rows("payments"),
        rows("accounts"),
        rows("contacts"),
        rows("costs"),
        rows("rates"));
  }

  @SuppressWarnings("unchecked")
  private <T> List<T> rows(String table) {
    return (List<T>) List.copyOf(stored.getOrDefault(table, Map.of()).values());
  }

  @Override
  public synchronized List<BatchSummary> batches() {
    return List.copyOf(batches);
  }

  @Override
  public synchronized List<RowError> quarantine(long batchId) {
    return quarantine.getOrDefault(batchId, List.of());
  }

  @Override
  public synchronized List<RejectedFile> rejectedRows(long batchId) {
    return rejectedRows.getOrDefault(batchId, List.of());
  }
}
