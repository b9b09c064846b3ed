package org.revtrace.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.revtrace.core.port.BatchOutcome;
import org.revtrace.core.testing.CanonicalSamples;

/** Importing the same file twice, or overlapping files, counts every row once. */
class IdempotenceIT {

  private static final List<String> TABLES =
      List.of(
          "batches",
          "quarantine",
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
  void theSameFileTwiceIsOneBatchWithTheSameRowCounts() {
    DataSource dataSource = SharedDatabase.empty();
    JdbcImportBatches store = new JdbcImportBatches(dataSource);
    store.commit(
        "canonical",
        "demo",
        "sha256:1",
        CanonicalSamples.everyFile(),
        CanonicalSamples.twoErrors());
    Map<String, Long> once = counts(dataSource);

    BatchOutcome again =
        store.commit(
            "canonical",
            "demo",
            "sha256:1",
            CanonicalSamples.everyFile(),
            CanonicalSamples.twoErrors());

    assertThat(again.repeated()).isTrue();
    assertThat(counts(dataSource)).isEqualTo(once);
    assertThat(once).containsEntry("batches", 1L).containsEntry("quarantine", 2L);
    assertThat(once).containsEntry("touchpoints", 2L).containsEntry("rates", 2L);
  }

  @Test
  void theSameRowsUnderANewHashAddNothing() {
    DataSource dataSource = SharedDatabase.empty();
    JdbcImportBatches store = new JdbcImportBatches(dataSource);
    store.commit("canonical", "demo", "sha256:1", CanonicalSamples.everyFile(), List.of());
    Map<String, Long> once = counts(dataSource);

    // A re-export with another line ending has another hash but the same rows.
    BatchOutcome again =
        store.commit("canonical", "demo", "sha256:2", CanonicalSamples.everyFile(), List.of());

    assertThat(again.repeated()).isFalse();
    assertThat(again.batch().storedRows()).isZero();
    assertThat(again.batch().skippedRows()).isEqualTo(20);
    Map<String, Long> twice = counts(dataSource);
    assertThat(twice.get("batches")).isEqualTo(2);
    twice.remove("batches");
    once.remove("batches");
    assertThat(twice).isEqualTo(once);
  }

  private static Map<String, Long> counts(DataSource dataSource) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, SharedDatabase.count(dataSource, table));
    }
    return counts;
  }
}
