package org.revtrace.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.Cost;
import org.revtrace.core.model.CostCategory;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.Rate;
import org.revtrace.core.model.Spend;
import org.revtrace.core.model.StageChange;
import org.revtrace.core.model.Touchpoint;
import org.revtrace.core.model.Utm;
import org.revtrace.core.port.BatchOutcome;
import org.revtrace.core.port.BatchSummary;
import org.revtrace.core.port.ImportBatches;
import org.revtrace.core.port.RejectedFile;
import org.revtrace.core.port.RowCounts;

/** The rules every {@link ImportBatches} keeps; implement {@link #emptyStore()} to run them. */
public interface ImportBatchesContract {

  /** A fixed instant for rows whose time does not matter. */
  Instant T0 = Instant.parse("2025-03-01T07:15:00Z");

  /** A store with no batches, fresh for each test. */
  ImportBatches emptyStore();

  @Test
  default void anEmptyStoreHoldsNothing() {
    ImportBatches store = emptyStore();

    assertThat(store.loadAll()).isEqualTo(CanonicalData.empty());
    assertThat(store.batches()).isEmpty();
    assertThat(store.quarantine(1)).isEmpty();
    assertThat(store.rejectedRows(1)).isEmpty();
  }

  @Test
  default void everyFieldOfEveryFileSurvivesARoundTrip() {
    ImportBatches store = emptyStore();
    CanonicalData data = CanonicalSamples.everyFile();

    BatchOutcome outcome = store.commit("canonical", "demo", "hash-1", data, List.of());

    assertThat(outcome.repeated()).isFalse();
    assertThat(outcome.batch().offeredRows()).isEqualTo(20);
    assertThat(outcome.storedRows()).isEqualTo(20);
    assertThat(store.loadAll()).isEqualTo(data);
  }

  @Test
  default void committingTheSameContentAgainStoresNothingAndReturnsTheEarlierBatch() {
    ImportBatches store = emptyStore();
    CanonicalData data = CanonicalSamples.everyFile();
    BatchOutcome first =
        store.commit("canonical", "demo", "hash-1", data, CanonicalSamples.twoErrors());

    BatchOutcome again =
        store.commit("canonical", "demo-copy", "hash-1", data, CanonicalSamples.twoErrors());

    assertThat(again.repeated()).isTrue();
    assertThat(again.batch()).isEqualTo(first.batch());
    assertThat(again.storedRows()).isZero();
    assertThat(store.batches()).containsExactly(first.batch());
    assertThat(store.loadAll()).isEqualTo(data);
    assertThat(store.quarantine(first.batch().id())).hasSize(2);
  }

  @Test
  default void overlappingImportsDoNotDoubleCount() {
    ImportBatches store = emptyStore();
    store.commit("canonical", "a", "hash-a", CanonicalSamples.touchpoints("t", 0, 10), List.of());
    CanonicalData overlapping = CanonicalSamples.touchpoints("t", 5, 10);

    BatchOutcome second = store.commit("canonical", "b", "hash-b", overlapping, List.of());

    assertThat(second.repeated()).isFalse();
    assertThat(second.batch().offeredRows()).isEqualTo(10);
    assertThat(second.batch().storedRows()).isEqualTo(5);
    assertThat(second.batch().skippedRows()).isEqualTo(5);
    assertThat(second.batch().table("touchpoints")).isEqualTo(new RowCounts(5, 0, 5));
    assertThat(store.loadAll().touchpoints())
        .extracting(Touchpoint::id)
        .containsExactly(
            "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "t11", "t12", "t13",
            "t14");
  }

  @Test
  default void theSameIdFromAnotherSourceIsAnotherRow() {
    ImportBatches store = emptyStore();
    CanonicalData data = CanonicalSamples.touchpoints("t", 0, 3);

    store.commit("hubspot", "export", "hash-1", data, List.of());
    BatchOutcome other = store.commit("amocrm", "export", "hash-1", data, List.of());

    assertThat(other.repeated()).isFalse();
    assertThat(other.storedRows()).isEqualTo(3);
    assertThat(store.loadAll().touchpoints()).hasSize(6);
  }

  @Test
  default void rowsWithoutIdsAreKeyedByTheirNaturalKeyAndRestatedSpendReplaces() {
    ImportBatches store = emptyStore();
    LocalDate day = LocalDate.of(2025, 3, 1);
    Spend spend =
        new Spend(day, "paid_search", new Utm("google", "cpc", "brand", null, null), 10, 1, rub(5));
    Spend restated =
        new Spend(day, "paid_search", new Utm("google", "cpc", "brand", "x", null), 99, 9, rub(7));
    Spend otherCampaign =
        new Spend(
            day, "paid_search", new Utm("google", "cpc", "generic", null, null), 1, 0, rub(1));
    Cost salary = new Cost(day, CostCategory.SALES, rub(100), null);
    Cost secondSalary = new Cost(day, CostCategory.SALES, rub(200), null);
    store.commit(
        "canonical", "a", "hash-a", spendAndCosts(List.of(spend), List.of(salary)), List.of());

    BatchOutcome second =
        store.commit(
            "canonical",
            "b",
            "hash-b",
            spendAndCosts(List.of(restated, otherCampaign), List.of(salary, secondSalary)),
            List.of());

    assertThat(second.batch().table("spend")).isEqualTo(new RowCounts(1, 1, 0));
    assertThat(second.batch().table("costs")).isEqualTo(new RowCounts(1, 0, 1));
    assertThat(second.batch().storedRows()).isEqualTo(3);
    CanonicalData all = store.loadAll();
    assertThat(all.spend())
        .as("the restatement keeps its place")
        .containsExactly(restated, otherCampaign);
    assertThat(all.costs()).containsExactly(salary, secondSalary);
  }

  @Test
  default void aChangedDealStageAndAmountReplaceTheStoredDeal() {
    ImportBatches store = emptyStore();
    Deal open = deal("d1", DealStatus.OPEN, "proposal", rub(100), null);
    Deal other = deal("d2", DealStatus.OPEN, "new", rub(5), null);
    store.commit("hubspot", "monday.csv", "hash-a", deals(open, other), List.of());
    Deal won = deal("d1", DealStatus.WON, "won", rub(150), T0.plusSeconds(86_400));
    Deal added = deal("d3", DealStatus.OPEN, "new", rub(1), null);

    BatchOutcome tuesday =
        store.commit("hubspot", "tuesday.csv", "hash-b", deals(won, other, added), List.of());

    assertThat(tuesday.repeated()).isFalse();
    assertThat(tuesday.batch().table("deals")).isEqualTo(new RowCounts(1, 1, 1));
    assertThat(tuesday.batch())
        .extracting(
            BatchSummary::offeredRows,
            BatchSummary::insertedRows,
            BatchSummary::updatedRows,
            BatchSummary::unchangedRows,
            BatchSummary::storedRows)
        .containsExactly(3L, 1L, 1L, 1L, 2L);
    assertThat(store.loadAll().deals())
        .as("the newest version only, in the order deals were first stored")
        .containsExactly(won, other, added);
    assertThat(store.batches().get(1)).isEqualTo(tuesday.batch());
  }

  @Test
  default void rowsEqualToTheStoredOnesAreUnchanged() {
    ImportBatches store = emptyStore();
    CanonicalData data = CanonicalSamples.everyFile();
    store.commit("canonical", "demo", "hash-1", data, List.of());

    // A re-export with another line ending: another hash, the same rows.
    BatchOutcome again = store.commit("canonical", "demo", "hash-2", data, List.of());

    assertThat(again.repeated()).isFalse();
    assertThat(again.batch().totals()).isEqualTo(new RowCounts(0, 0, 20));
    assertThat(again.batch().tables())
        .containsOnlyKeys(
            "spend",
            "touchpoints",
            "leads",
            "deals",
            "stage_changes",
            "payments",
            "accounts",
            "contacts",
            "costs",
            "rates")
        .allSatisfy((table, counts) -> assertThat(counts).isEqualTo(new RowCounts(0, 0, 2)));
    assertThat(again.storedRows()).isZero();
    assertThat(store.loadAll()).isEqualTo(data);
  }

  @Test
  default void aRestatedRateReplacesTheStoredOne() {
    ImportBatches store = emptyStore();
    LocalDate day = LocalDate.of(2025, 3, 1);
    Rate first = new Rate(day, "USD", new BigDecimal("89.10"));
    Rate restated = new Rate(day, "USD", new BigDecimal("89.25"));
    store.commit("cbr", "rates-1", "hash-a", rates(first), List.of());

    BatchOutcome second = store.commit("cbr", "rates-2", "hash-b", rates(restated), List.of());

    assertThat(second.batch().table("rates")).isEqualTo(new RowCounts(0, 1, 0));
    assertThat(store.loadAll().rates()).containsExactly(restated);
  }

  @Test
  default void stageChangesAreAppendedAndARepeatIsANoOp() {
    ImportBatches store = emptyStore();
    StageChange qualified = new StageChange("d1", "qualified", T0);
    StageChange won = new StageChange("d1", "won", T0.plusSeconds(3600));
    store.commit("amocrm", "a", "hash-a", stageChanges(qualified), List.of());

    BatchOutcome second =
        store.commit("amocrm", "b", "hash-b", stageChanges(qualified, won), List.of());

    assertThat(second.batch().table("stage_changes")).isEqualTo(new RowCounts(1, 0, 1));
    assertThat(store.loadAll().stageChanges()).containsExactly(qualified, won);
  }

  @Test
  default void withinOneBatchTheFirstRowOfAKeyCounts() {
    ImportBatches store = emptyStore();
    Deal first = deal("d1", DealStatus.OPEN, "new", rub(1), null);
    Deal second = deal("d1", DealStatus.WON, "won", rub(2), T0);

    BatchOutcome outcome =
        store.commit("canonical", "a", "hash-a", deals(first, second), List.of());

    assertThat(outcome.batch().table("deals")).isEqualTo(new RowCounts(1, 0, 1));
    assertThat(store.loadAll().deals()).containsExactly(first);
  }

  @Test
  default void reimportingOlderContentIsANoOpAndNeverUndoesANewerBatch() {
    ImportBatches store = emptyStore();
    Deal open = deal("d1", DealStatus.OPEN, "proposal", rub(100), null);
    Deal won = deal("d1", DealStatus.WON, "won", rub(150), T0);
    BatchOutcome monday = store.commit("hubspot", "monday", "hash-a", deals(open), List.of());
    BatchOutcome tuesday = store.commit("hubspot", "tuesday", "hash-b", deals(won), List.of());

    BatchOutcome mondayAgain = store.commit("hubspot", "monday", "hash-a", deals(open), List.of());

    assertThat(mondayAgain.repeated()).isTrue();
    assertThat(mondayAgain.batch()).isEqualTo(monday.batch());
    assertThat(store.batches()).containsExactly(monday.batch(), tuesday.batch());
    assertThat(store.loadAll().deals()).containsExactly(won);
  }

  @Test
  default void entitiesOfEveryKindAreUpdated() {
    ImportBatches store = emptyStore();
    CanonicalData data = CanonicalSamples.everyFile();
    store.commit("canonical", "demo", "hash-1", data, List.of());
    CanonicalData changed = CanonicalSamples.everyFileChanged();

    BatchOutcome outcome = store.commit("canonical", "demo", "hash-2", changed, List.of());

    assertThat(outcome.batch().tables())
        .containsEntry("spend", new RowCounts(0, 1, 1))
        .containsEntry("touchpoints", new RowCounts(0, 1, 1))
        .containsEntry("leads", new RowCounts(0, 1, 1))
        .containsEntry("deals", new RowCounts(0, 1, 1))
        .containsEntry("stage_changes", new RowCounts(1, 0, 1))
        .containsEntry("payments", new RowCounts(0, 1, 1))
        .containsEntry("accounts", new RowCounts(0, 1, 1))
        .containsEntry("contacts", new RowCounts(0, 1, 1))
        .containsEntry("costs", new RowCounts(1, 0, 1))
        .containsEntry("rates", new RowCounts(0, 1, 1));
    CanonicalData loaded = store.loadAll();
    assertThat(loaded.spend()).isEqualTo(changed.spend());
    assertThat(loaded.touchpoints()).isEqualTo(changed.touchpoints());
    assertThat(loaded.leads()).isEqualTo(changed.leads());
    assertThat(loaded.deals()).isEqualTo(changed.deals());
    assertThat(loaded.payments()).isEqualTo(changed.payments());
    assertThat(loaded.accounts()).isEqualTo(changed.accounts());
    assertThat(loaded.contacts()).isEqualTo(changed.contacts());
    assertThat(loaded.rates()).isEqualTo(changed.rates());
    assertThat(loaded.stageChanges()).hasSize(3);
    assertThat(loaded.costs()).hasSize(3);
  }

  @Test
  default void quarantinedRowsAreKeptWithTheirBatch() {
    ImportBatches store = emptyStore();

    BatchOutcome outcome =
        store.commit(
            "canonical", "demo", "hash-1", CanonicalData.empty(), CanonicalSamples.twoErrors());

    assertThat(outcome.batch().quarantinedRows()).isEqualTo(2);
    assertThat(outcome.batch().offeredRows()).isZero();
    assertThat(store.quarantine(outcome.batch().id()))
        .containsExactlyElementsOf(CanonicalSamples.twoErrors());
    assertThat(store.quarantine(outcome.batch().id() + 1)).isEmpty();
  }

  @Test
  default void rejectedRowsAreKeptWithTheirBatchByFileAndLineWithTheHeader() {
    ImportBatches store = emptyStore();
    List<RejectedFile> rejected = CanonicalSamples.twoRejectedFiles();

    BatchOutcome outcome =
        store.commit(
            "canonical",
            "demo",
            "hash-1",
            CanonicalSamples.everyFile(),
            CanonicalSamples.twoErrors(),
            rejected);

    List<RejectedFile> stored = store.rejectedRows(outcome.batch().id());
    assertThat(stored).extracting(RejectedFile::file).containsExactly("deals.csv", "leads.csv");
    assertThat(stored.get(0)).isEqualTo(rejected.get(1));
    assertThat(stored.get(1).header()).containsExactly("lead_id", "created_at", "contact_id");
    assertThat(stored.get(1).rows())
        .as("by line, every field as given")
        .containsExactly(rejected.get(0).rows().get(1), rejected.get(0).rows().get(0));
    assertThat(store.rejectedRows(outcome.batch().id() + 1)).isEmpty();
    assertThat(store.loadAll()).isEqualTo(CanonicalSamples.everyFile());
  }

  @Test
  default void aBatchWithoutRejectedRowsHasNone() {
    ImportBatches store = emptyStore();

    BatchOutcome outcome =
        store.commit(
            "canonical", "demo", "hash-1", CanonicalData.empty(), CanonicalSamples.twoErrors());

    assertThat(store.rejectedRows(outcome.batch().id())).isEmpty();
  }

  @Test
  default void aRepeatedBatchStoresNoNewRejectedRows() {
    ImportBatches store = emptyStore();
    List<RejectedFile> rejected = CanonicalSamples.twoRejectedFiles();
    BatchOutcome first =
        store.commit(
            "canonical",
            "demo",
            "hash-1",
            CanonicalData.empty(),
            List.of(),
            rejected.subList(0, 1));

    BatchOutcome again =
        store.commit("canonical", "demo", "hash-1", CanonicalData.empty(), List.of(), rejected);

    assertThat(again.repeated()).isTrue();
    assertThat(store.batches()).containsExactly(first.batch());
    assertThat(store.rejectedRows(first.batch().id()))
        .extracting(RejectedFile::file)
        .containsExactly("leads.csv");
    assertThat(store.rejectedRows(first.batch().id() + 1)).isEmpty();
  }

  @Test
  default void aCommitThatFailsStoresNoRejectedRows() {
    ImportBatches store = emptyStore();
    RejectedFile leads = CanonicalSamples.twoRejectedFiles().get(0);

    // The same file twice breaks the store's key only after the batch's rows were written.
    assertThatThrownBy(
            () ->
                store.commit(
                    "canonical",
                    "demo",
                    "hash-1",
                    CanonicalSamples.everyFile(),
                    CanonicalSamples.twoErrors(),
                    List.of(leads, leads)))
        .isInstanceOf(RuntimeException.class);

    assertThat(store.batches()).isEmpty();
    assertThat(store.loadAll()).isEqualTo(CanonicalData.empty());
    assertThat(store.rejectedRows(1)).isEmpty();
    BatchOutcome retried =
        store.commit(
            "canonical", "demo", "hash-1", CanonicalData.empty(), List.of(), List.of(leads));
    assertThat(store.rejectedRows(retried.batch().id())).hasSize(1);
  }

  @Test
  default void batchesAreListedOldestFirst() {
    ImportBatches store = emptyStore();

    BatchSummary first =
        store.commit("canonical", "a.csv", "hash-a", CanonicalData.empty(), List.of()).batch();
    BatchSummary second =
        store
            .commit("canonical", "b.csv", "hash-b", CanonicalSamples.everyFile(), List.of())
            .batch();

    assertThat(store.batches()).containsExactly(first, second);
    assertThat(second.id()).isGreaterThan(first.id());
    assertThat(second.committedAt()).isAfterOrEqualTo(first.committedAt());
    assertThat(second)
        .extracting(BatchSummary::source, BatchSummary::fileName, BatchSummary::contentHash)
        .containsExactly("canonical", "b.csv", "hash-b");
  }

  @Test
  default void concurrentCommitsOfTheSameContentStoreOneBatch() throws Exception {
    ImportBatches store = emptyStore();
    CanonicalData data = CanonicalSamples.everyFile();
    Callable<BatchOutcome> commit =
        () -> store.commit("canonical", "demo", "hash-1", data, CanonicalSamples.twoErrors());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Boolean> repeated = new ArrayList<>();
    try {
      for (Future<BatchOutcome> outcome : pool.invokeAll(List.of(commit, commit))) {
        repeated.add(outcome.get().repeated());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(repeated).containsExactlyInAnyOrder(false, true);
    assertThat(store.batches()).hasSize(1);
    assertThat(store.loadAll()).isEqualTo(data);
    assertThat(store.quarantine(store.batches().get(0).id())).hasSize(2);
  }

  @Test
  default void aBlankSourceOrHashIsRejectedAndStoresNothing() {
    ImportBatches store = emptyStore();
    CanonicalData data = CanonicalSamples.everyFile();

    assertThatThrownBy(() -> store.commit(" ", "demo", "hash-1", data, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.commit("canonical", "demo", "", data, List.of()))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(store.batches()).isEmpty();
    assertThat(store.loadAll()).isEqualTo(CanonicalData.empty());
  }

  private static CanonicalData spendAndCosts(List<Spend> spend, List<Cost> costs) {
    return new CanonicalData(
        spend, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), costs,
        List.of());
  }

  private static CanonicalData deals(Deal... deals) {
    return new CanonicalData(
        List.of(),
        List.of(),
        List.of(),
        List.of(deals),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  private static CanonicalData stageChanges(StageChange... changes) {
    return new CanonicalData(
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(changes),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  private static CanonicalData rates(Rate... rates) {
    return new CanonicalData(
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(rates));
  }

  private static Deal deal(
      String id, DealStatus status, String stage, Money amount, Instant closedAt) {
    return new Deal(id, T0, amount, "a1", null, null, stage, status, closedAt, null);
  }

  private static Money rub(long major) {
    return new Money(major * 100, "RUB");
  }
}
