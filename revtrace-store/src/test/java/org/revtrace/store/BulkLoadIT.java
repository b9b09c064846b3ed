package org.revtrace.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.port.BatchOutcome;
import org.revtrace.core.testing.CanonicalSamples;

/**
 * Measures a bulk load of touchpoints (one million by default, {@code -Drevtrace.bulkRows=N});
 * prints rows per second rather than asserting a time, because CI machines vary.
 */
class BulkLoadIT {

  @Test
  void loadsAMillionTouchpointsInOneBatch() {
    int rows = Integer.getInteger("revtrace.bulkRows", 1_000_000);
    DataSource dataSource = SharedDatabase.empty();
    JdbcImportBatches store = new JdbcImportBatches(dataSource);
    CanonicalData data = CanonicalSamples.touchpoints("tp-", 0, rows);

    long start = System.nanoTime();
    BatchOutcome outcome =
        store.commit("canonical", "bulk", "bulk-hash", data, java.util.List.of());
    long committed = System.nanoTime();
    CanonicalData loaded = store.loadAll();
    long read = System.nanoTime();

    assertThat(outcome.storedRows()).isEqualTo(rows);
    assertThat(loaded.touchpoints()).hasSize(rows);
    assertThat(loaded.touchpoints().get(rows - 1)).isEqualTo(data.touchpoints().get(rows - 1));
    System.out.println(
        String.format(
            Locale.ROOT,
            "bulk load: %,d touchpoints committed in %.2f s (%,.0f rows/s), loaded back in %.2f s"
                + " (%,.0f rows/s)",
            rows,
            seconds(committed - start),
            rows / seconds(committed - start),
            seconds(read - committed),
            rows / seconds(read - committed)));
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
