package org.revtrace.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.Touchpoint;
import org.revtrace.core.port.BatchOutcome;
import org.revtrace.core.port.RowCounts;
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
    BatchOutcome outcome = store.commit("canonical", "bulk", "bulk-hash", data, List.of());
    long committed = System.nanoTime();
    CanonicalData loaded = store.loadAll();
    long read = System.nanoTime();

    // A re-export of the same rows with every tenth one changed: the update path.
    CanonicalData reexport = changeEveryTenth(data);
    long again = System.nanoTime();
    BatchOutcome second = store.commit("canonical", "bulk-2", "bulk-hash-2", reexport, List.of());
    long recommitted = System.nanoTime();

    assertThat(outcome.storedRows()).isEqualTo(rows);
    assertThat(second.batch().table("touchpoints"))
        .isEqualTo(new RowCounts(0, (rows + 9) / 10, rows - (rows + 9) / 10));
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
    System.out.println(
        String.format(
            Locale.ROOT,
            "bulk re-import: %,d touchpoints, every tenth changed, committed in %.2f s (%,.0f"
                + " rows/s)",
            rows,
            seconds(recommitted - again),
            rows / seconds(recommitted - again)));
  }

  private static CanonicalData changeEveryTenth(CanonicalData data) {
    List<Touchpoint> touchpoints = new ArrayList<>(data.touchpoints());
    for (int i = 0; i < touchpoints.size(); i += 10) {
      Touchpoint t = touchpoints.get(i);
      touchpoints.set(
          i,
          new Touchpoint(
              t.id(),
              t.occurredAt(),
              "email",
              t.visitorId(),
              t.contactId(),
              t.accountId(),
              t.type(),
              t.utm(),
              t.landingPage(),
              t.referrer()));
    }
    return new CanonicalData(
        List.of(),
        touchpoints,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
