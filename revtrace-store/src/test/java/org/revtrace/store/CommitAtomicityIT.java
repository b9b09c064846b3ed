package org.revtrace.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.revtrace.core.model.Account;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.port.BatchOutcome;
import org.revtrace.core.testing.CanonicalSamples;

/** A commit that fails part-way leaves nothing behind, and the same content can be retried. */
class CommitAtomicityIT {

  private static final List<String> TABLES =
      List.of(
          "batches",
          "quarantine",
          "rejected_files",
          "rejected_rows",
          "currencies",
          "spend",
          "touchpoints",
          "leads",
          "deals",
          "stage_changes",
          "payments",
          "accounts",
          "contacts",
          "costs",
          "rates");

  @Test
  void anExceptionAfterSomeTablesAreLoadedRollsEverythingBack() {
    DataSource dataSource = SharedDatabase.empty();
    JdbcImportBatches failing =
        new JdbcImportBatches(
            dataSource,
            table -> {
              if (table.equals("deals")) {
                throw new SQLException("simulated outage after loading deals");
              }
            });

    assertThatThrownBy(
            () ->
                failing.commit(
                    "canonical",
                    "demo",
                    "hash-1",
                    CanonicalSamples.everyFile(),
                    CanonicalSamples.twoErrors()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("simulated outage");

    assertEveryTableIsEmpty(dataSource);
    BatchOutcome retry =
        new JdbcImportBatches(dataSource)
            .commit(
                "canonical",
                "demo",
                "hash-1",
                CanonicalSamples.everyFile(),
                CanonicalSamples.twoErrors());
    assertThat(retry.repeated()).isFalse();
    assertThat(retry.storedRows()).isEqualTo(20);
  }

  @Test
  void anExceptionAfterTheRejectedRowsAreLoadedRollsThemBack() {
    DataSource dataSource = SharedDatabase.empty();
    JdbcImportBatches failing =
        new JdbcImportBatches(
            dataSource,
            table -> {
              if (table.equals("rejected_rows")) {
                throw new SQLException("simulated outage after loading the rejected rows");
              }
            });

    assertThatThrownBy(
            () ->
                failing.commit(
                    "canonical",
                    "demo",
                    "hash-1",
                    CanonicalSamples.everyFile(),
                    CanonicalSamples.twoErrors(),
                    CanonicalSamples.twoRejectedFiles()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("simulated outage");

    assertEveryTableIsEmpty(dataSource);
  }

  @Test
  void aRowTheDatabaseRejectsRollsEverythingBack() {
    DataSource dataSource = SharedDatabase.empty();
    CanonicalData sample = CanonicalSamples.everyFile();
    // PostgreSQL text cannot hold U+0000, so COPY fails on the accounts table, after the
    // spend, touchpoint, lead, deal, stage change and payment rows went in.
    CanonicalData withNul =
        new CanonicalData(
            sample.spend(),
            sample.touchpoints(),
            sample.leads(),
            sample.deals(),
            sample.stageChanges(),
            sample.payments(),
            List.of(new Account("a1", "bad\u0000name", null, null, null, null, null)),
            sample.contacts(),
            sample.costs(),
            sample.rates());
    JdbcImportBatches store = new JdbcImportBatches(dataSource);

    assertThatThrownBy(() -> store.commit("canonical", "demo", "hash-1", withNul, List.of()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("accounts");

    assertEveryTableIsEmpty(dataSource);
  }

  @Test
  void aFailedBatchOfUpdatesLeavesTheEarlierVersions() {
    DataSource dataSource = SharedDatabase.empty();
    JdbcImportBatches store = new JdbcImportBatches(dataSource);
    BatchOutcome first =
        store.commit("canonical", "demo", "hash-1", CanonicalSamples.everyFile(), List.of());
    JdbcImportBatches failing =
        new JdbcImportBatches(
            dataSource,
            table -> {
              if (table.equals("rates")) {
                throw new SQLException("simulated outage after the last table");
              }
            });

    assertThatThrownBy(
            () ->
                failing.commit(
                    "canonical", "demo", "hash-2", CanonicalSamples.everyFileChanged(), List.of()))
        .isInstanceOf(StoreException.class);

    assertThat(store.loadAll()).isEqualTo(CanonicalSamples.everyFile());
    assertThat(store.batches()).containsExactly(first.batch());
    assertThat(SharedDatabase.count(dataSource, "batch_tables")).isEqualTo(10);
  }

  private static void assertEveryTableIsEmpty(DataSource dataSource) {
    for (String table : TABLES) {
      assertThat(SharedDatabase.count(dataSource, table)).as(table).isZero();
    }
  }
}
