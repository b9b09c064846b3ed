package org.revtrace.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.TouchType;

/** The periods of a campaign add up to its total over the range, whatever the grouping. */
class ReconciliationTotalsTest {

  private static final List<String> CAMPAIGNS = List.of("brand", "spring", "retargeting");

  /** Three months of random spend, arrivals, leads and deals (seeded, so reproducible). */
  private static Fixture randomData(long seed) {
    Random random = new Random(seed);
    Fixture fixture = new Fixture();
    LocalDate start = LocalDate.of(2025, 1, 1);
    for (int day = 0; day < 90; day++) {
      for (String campaign : CAMPAIGNS) {
        if (random.nextInt(4) > 0) {
          fixture.spend(
              start.plusDays(day).toString(),
              "paid_search",
              campaign,
              random.nextInt(20),
              random.nextBoolean() ? null : random.nextInt(4) + ".25");
        }
      }
    }
    Instant base = Instant.parse("2024-12-20T00:00:00Z");
    for (int i = 0; i < 600; i++) {
      String visitor = "v" + random.nextInt(250);
      Instant when = base.plusSeconds(random.nextInt(100 * 86_400));
      String campaign = random.nextInt(5) == 0 ? null : CAMPAIGNS.get(random.nextInt(3));
      fixture.touch(
          visitor,
          when,
          "paid_search",
          campaign,
          random.nextBoolean() ? TouchType.AD_CLICK : TouchType.VISIT);
    }
    for (int i = 0; i < 150; i++) {
      String visitor = random.nextInt(6) == 0 ? null : "v" + random.nextInt(250);
      Instant created = base.plusSeconds(random.nextInt(100 * 86_400));
      String own = random.nextInt(3) == 0 ? CAMPAIGNS.get(random.nextInt(3)) : null;
      fixture.lead("L" + i, created.toString(), visitor, null, "m" + random.nextInt(120), own);
      if (random.nextInt(3) == 0) {
        fixture.deal(
            "D" + i,
            "L" + i,
            random.nextBoolean() ? DealStatus.WON : DealStatus.OPEN,
            new Money(1000 + random.nextInt(100_000), "RUB"),
            created.plusSeconds(86_400L * 20).toString());
      }
    }
    return fixture;
  }

  @ParameterizedTest
  @EnumSource(Period.class)
  void periodsAddUpToTheCampaignTotals(Period period) {
    for (long seed = 1; seed <= 5; seed++) {
      ReconciliationSettings settings =
          ReconciliationSettings.defaults("RUB", ZoneId.of("Europe/Moscow"))
              .withPeriod(period)
              .withPlatformZone(ZoneId.of("Asia/Yekaterinburg"))
              .withRange(LocalDate.of(2025, 1, 5), LocalDate.of(2025, 3, 20));
      ReconciliationReport report =
          Reconciliation.compute(ReconciliationInput.ofFiles(randomData(seed).data()), settings);

      assertThat(report.totals())
          .extracting(ReconciliationRow::campaign)
          .isEqualTo(CAMPAIGNS.stream().sorted().toList());
      for (ReconciliationRow total : report.totals()) {
        List<ReconciliationRow> periods =
            report.rows().stream().filter(r -> r.campaign().equals(total.campaign())).toList();
        assertThat(periods).isNotEmpty();
        assertThat(sum(periods, ReconciliationRow::platformClicks))
            .isEqualTo(total.platformClicks())
            .isPositive();
        assertThat(sum(periods, ReconciliationRow::platformSpend)).isEqualTo(total.platformSpend());
        assertThat(sum(periods, ReconciliationRow::trackedVisits))
            .isEqualTo(total.trackedVisits())
            .isPositive();
        assertThat(sum(periods, ReconciliationRow::trackedAdClicks))
            .isEqualTo(total.trackedAdClicks());
        assertThat(sum(periods, ReconciliationRow::trackedLeads))
            .isEqualTo(total.trackedLeads())
            .isPositive();
        assertThat(sum(periods, ReconciliationRow::crmLeads)).isEqualTo(total.crmLeads());
        assertThat(sum(periods, ReconciliationRow::deals)).isEqualTo(total.deals());
        assertThat(sum(periods, ReconciliationRow::wonRevenue)).isEqualTo(total.wonRevenue());
        BigDecimal conversions =
            periods.stream()
                .map(ReconciliationRow::platformConversions)
                .filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(conversions).isEqualByComparingTo(total.platformConversions());
        for (ReconciliationRow row : periods) {
          assertThat(row.from()).isAfterOrEqualTo(settings.from());
          assertThat(row.to()).isBeforeOrEqualTo(settings.to());
          assertThat(row.to()).isBeforeOrEqualTo(period.end(period.start(row.from())));
        }
      }
    }
  }

  private static long sum(
      List<ReconciliationRow> rows, java.util.function.ToLongFunction<ReconciliationRow> field) {
    return rows.stream().mapToLong(field).sum();
  }
}
