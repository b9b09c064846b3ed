package org.revtrace.core.testing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.RowError;
import org.revtrace.core.port.BatchOutcome;
import org.revtrace.core.port.BatchSummary;
import org.revtrace.core.port.ImportBatches;

/** A hand-written in-memory {@link ImportBatches} for tests; keeps the same rules as the store. */
public final class InMemoryImportBatches implements ImportBatches {

  private final Clock clock;
  private final List<BatchSummary> batches = new ArrayList<>();
  private final Map<Long, List<RowError>> quarantine = new HashMap<>();
  private final Set<List<Object>> keys = new HashSet<>();
  private final DataCollector stored = new DataCollector();

  public InMemoryImportBatches(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized BatchOutcome commit(
      String source,
      String fileName,
      String contentHash,
      CanonicalData data,
      List<RowError> quarantined) {
    for (BatchSummary earlier : batches) {
      if (earlier.source().equals(source) && earlier.contentHash().equals(contentHash)) {
        return new BatchOutcome(earlier, true);
      }
    }
    DataCollector added = new DataCollector();
    Set<List<Object>> newKeys = new HashSet<>();
    long offered = 0;
    offered += keep(source, data.spend(), RowKeys::spend, added.spend, newKeys);
    offered += keep(source, data.touchpoints(), RowKeys::touchpoint, added.touchpoints, newKeys);
    offered += keep(source, data.leads(), RowKeys::lead, added.leads, newKeys);
    offered += keep(source, data.deals(), RowKeys::deal, added.deals, newKeys);
    offered += keep(source, data.stageChanges(), RowKeys::stageChange, added.stageChanges, newKeys);
    offered += keep(source, data.payments(), RowKeys::payment, added.payments, newKeys);
    offered += keep(source, data.accounts(), RowKeys::account, added.accounts, newKeys);
    offered += keep(source, data.contacts(), RowKeys::contact, added.contacts, newKeys);
    offered += keep(source, data.costs(), RowKeys::cost, added.costs, newKeys);
    offered += keep(source, data.rates(), RowKeys::rate, added.rates, newKeys);
    BatchSummary summary =
        new BatchSummary(
            batches.size() + 1L,
            source,
            fileName,
            contentHash,
            clock.instant(),
            offered,
            newKeys.size(),
            quarantined.size());
    // Only now, with nothing left to fail, is the batch made visible: all or nothing.
    keys.addAll(newKeys);
    stored.addAll(added);
    batches.add(summary);
    quarantine.put(summary.id(), List.copyOf(quarantined));
    return new BatchOutcome(summary, false);
  }

  private <T> long keep(
      String source,
      List<T> rows,
      Function<T, List<Object>> key,
      List<T> into,
      Set<List<Object>> newKeys) {
    for (T row : rows) {
      List<Object> rowKey = new ArrayList<>(key.apply(row));
      rowKey.add(0, source);
      if (!keys.contains(rowKey) && newKeys.add(rowKey)) {
        into.add(row);
      }
    }
    return rows.size();
  }

  @Override
  public synchronized CanonicalData loadAll() {
    return stored.build();
  }

  @Override
  public synchronized List<BatchSummary> batches() {
    return List.copyOf(batches);
  }

  @Override
  public synchronized List<RowError> quarantine(long batchId) {
    return quarantine.getOrDefault(batchId, List.of());
  }
}
