package org.revtrace.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.Spend;
import org.revtrace.core.model.Utm;

/** Migration V10: spend keeps platform conversions, and replaced spend versions are kept. */
class JdbcSpendVersionsIT {

  private static final LocalDate DAY = LocalDate.of(2025, 3, 1);
  private static final Utm SPRING = new Utm("yandex", "cpc", "spring", null, null);

  private static CanonicalData spend(Spend... rows) {
    return new CanonicalData(
        List.of(rows),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  private static Spend row(long clicks, long costMinor, String conversions) {
    return new Spend(
        DAY,
        "paid_search",
        SPRING,
        clicks * 10,
        clicks,
        new Money(costMinor, "RUB"),
        conversions == null ? null : new BigDecimal(conversions));
  }

  @Test
  void conversionsRoundTripAndRestatementsKeepTheFirstVersion() {
    DataSource dataSource = SharedDatabase.empty();
    JdbcImportBatches store = new JdbcImportBatches(dataSource);
    JdbcSpendVersions versions = new JdbcSpendVersions(dataSource);
    Spend unchanged =
        new Spend(
            DAY,
            "paid_search",
            new Utm("yandex", "cpc", "brand", null, null),
            0,
            3,
            new Money(300, "RUB"));

    store.commit(
        "yandexdirect",
        "day1.tsv",
        "h1",
        spend(row(100, 10_000, "3.5"), unchanged),
        List.of(),
        List.of());
    assertThat(store.loadAll().spend()).containsExactly(row(100, 10_000, "3.50"), unchanged);
    assertThat(versions.firstVersions()).isEmpty();

    // the platform's later reports restate the day twice; the brand row stays the same
    store.commit(
        "yandexdirect",
        "day1-again.tsv",
        "h2",
        spend(row(90, 9_000, "4"), unchanged),
        List.of(),
        List.of());
    store.commit(
        "yandexdirect",
        "day1-final.tsv",
        "h3",
        spend(row(88, 8_800, "4.25"), unchanged),
        List.of(),
        List.of());

    assertThat(store.loadAll().spend()).containsExactly(row(88, 8_800, "4.25"), unchanged);
    assertThat(versions.firstVersions()).containsExactly(row(100, 10_000, "3.50"));
    assertThat(SharedDatabase.count(dataSource, "spend_versions")).isEqualTo(2);
  }
}
