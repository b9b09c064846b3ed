package org.revtrace.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.revtrace.core.model.Money;
import org.revtrace.core.model.Spend;
import org.revtrace.core.model.Touchpoint;
import org.revtrace.core.model.Utm;
import org.revtrace.core.port.BatchOutcome;
import org.revtrace.core.port.BatchSummary;
import org.revtrace.core.port.ImportBatches;

/** The rules every {@link ImportBatches} keeps; implement {@link #emptyStore()} to run them. */
public interface ImportBatchesContract {

  /** A store with no batches, fresh for each test. */
  ImportBatches emptyStore();

  @Test
  default void anEmptyStoreHoldsNothing() {
    ImportBatches store = emptyStore();

    assertThat(store.loadAll()).isEqualTo(CanonicalData.empty());
    assertThat(store.batches()).isEmpty();
    assertThat(store.quarantine(1)).isEmpty();
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
  default void overlappingImportsDoNotDoubleCountAndTheFirstVersionWins() {
    ImportBatches store = emptyStore();
    store.commit("canonical", "a", "hash-a", CanonicalSamples.touchpoints("t", 0, 10), List.of());
    CanonicalData overlapping = CanonicalSamples.touchpoints("t", 5, 10);

    BatchOutcome second = store.commit("canonical", "b", "hash-b", overlapping, List.of());

    assertThat(second.repeated()).isFalse();
    assertThat(second.batch().offeredRows()).isEqualTo(10);
    assertThat(second.batch().storedRows()).isEqualTo(5);
    assertThat(second.batch().skippedRows()).isEqualTo(5);
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
  default void rowsWithoutIdsAreKeyedByTheirNaturalKey() {
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

    assertThat(second.batch().storedRows()).isEqualTo(2);
    CanonicalData all = store.loadAll();
    assertThat(all.spend()).containsExactly(spend, otherCampaign);
    assertThat(all.costs()).containsExactly(salary, secondSalary);
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

  private static Money rub(long major) {
    return new Money(major * 100, "RUB");
  }
}
