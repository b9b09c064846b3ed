package org.revtrace.core.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.dataset.Dictionary;
import org.revtrace.core.dataset.Purchases;
import org.revtrace.core.testing.DataBuilder;

class CohortsTest {

  private static final LocalDate CDNOW_END = LocalDate.of(1998, 6, 30);

  /**
   * Monthly cohorts of the full CDNOW base, checked against counts computed here from the raw file.
   */
  @Test
  void cdnowMonthlyCohortsMatchAnIndependentCount() throws IOException {
    List<String> lines =
        Files.readAllLines(
            Path.of(System.getProperty("revtrace.shared", "../../shared"), "data", "cdnow")
                .resolve("CDNOW_master.txt"),
            StandardCharsets.UTF_8);
    List<String> rows = lines.subList(1, lines.size());
    int n = rows.size();
    int[] customer = new int[n];
    int[] day = new int[n];
    double[] amount = new double[n];
    // independent reference: maps keyed by strings, months by YearMonth arithmetic
    Map<String, LocalDate> firstDay = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String[] cells = rows.get(i).trim().split("\\s+");
      LocalDate date = LocalDate.parse(cells[1], DateTimeFormatter.BASIC_ISO_DATE);
      customer[i] = Integer.parseInt(cells[0]) - 1;
      day[i] = (int) date.toEpochDay();
      amount[i] = Double.parseDouble(cells[3]);
      firstDay.merge(cells[0], date, (a, b) -> a.isBefore(b) ? a : b);
    }
    Map<String, Integer> size = new HashMap<>();
    Set<String> activeCells = new HashSet<>();
    Set<String> purchaseDays = new HashSet<>();
    Map<String, Integer> active = new HashMap<>();
    Map<String, Integer> purchases = new HashMap<>();
    Map<String, Integer> repeats = new HashMap<>();
    Map<String, Double> revenue = new HashMap<>();
    for (Map.Entry<String, LocalDate> entry : firstDay.entrySet()) {
      size.merge(YearMonth.from(entry.getValue()).toString(), 1, Integer::sum);
    }
    for (int i = 0; i < n; i++) {
      String id = rows.get(i).trim().split("\\s+")[0];
      LocalDate date = LocalDate.ofEpochDay(day[i]);
      YearMonth cohort = YearMonth.from(firstDay.get(id));
      long age = ChronoUnit.MONTHS.between(cohort, YearMonth.from(date));
      String cell = cohort + "/" + age;
      revenue.merge(cell, amount[i], Double::sum);
      if (activeCells.add(id + "/" + age)) {
        active.merge(cell, 1, Integer::sum);
      }
      if (purchaseDays.add(id + "/" + date)) {
        purchases.merge(cell, 1, Integer::sum);
        if (!date.equals(firstDay.get(id))) {
          repeats.merge(cell, 1, Integer::sum);
        }
      }
    }

    CohortTable table =
        Cohorts.compute(
            new Purchases(23_570, customer, day, amount),
            CohortPeriod.MONTH,
            CDNOW_END,
            null,
            null);

    assertThat(table.customers()).isEqualTo(23_570);
    assertThat(table.cohorts())
        .extracting(Cohort::start)
        .containsExactly(
            LocalDate.of(1997, 1, 1), LocalDate.of(1997, 2, 1), LocalDate.of(1997, 3, 1));
    for (Cohort cohort : table.cohorts()) {
      String month = YearMonth.from(cohort.start()).toString();
      assertThat(cohort.channel()).isEqualTo("(all)");
      assertThat(cohort.size()).isEqualTo(size.get(month));
      assertThat(cohort.ages())
          .isEqualTo(
              1 + ChronoUnit.MONTHS.between(YearMonth.from(cohort.start()), YearMonth.of(1998, 6)));
      assertThat(cohort.retention(0)).isEqualTo(1.0);
      for (int age = 0; age < cohort.ages(); age++) {
        String cell = month + "/" + age;
        assertThat(cohort.active(age)).as(cell).isEqualTo(active.getOrDefault(cell, 0));
        assertThat(cohort.purchases(age)).as(cell).isEqualTo(purchases.getOrDefault(cell, 0));
        assertThat(cohort.repeatPurchases(age)).as(cell).isEqualTo(repeats.getOrDefault(cell, 0));
        assertThat(cohort.revenue(age))
            .as(cell)
            .isCloseTo(revenue.getOrDefault(cell, 0.0), within(1e-6));
      }
    }
  }

  @Test
  void weeklyCohortsByChannelFromTheDataset() {
    // acme: paid day 0 (Wed 2025-01-01) twice and day 8; globex: day 6 (Tue 2025-01-07); initech:
    // none
    Dataset dataset =
        Dataset.of(
            new DataBuilder()
                .accountPayment("p1", null, "acme", 0.5, DataBuilder.rub("10"))
                .accountPayment("p2", null, "acme", 0.6, DataBuilder.rub("5"))
                .accountPayment("p3", null, "acme", 8.5, DataBuilder.rub("7"))
                .accountPayment("p4", null, "globex", 6.5, DataBuilder.rub("3"))
                .account("initech")
                .build(),
            "RUB");
    Dictionary channels = new Dictionary();
    int seo = channels.encode("seo");
    int[] channelOfAccount = new int[dataset.accounts().size()];
    channelOfAccount[dataset.accounts().find("acme")] = seo;
    channelOfAccount[dataset.accounts().find("globex")] = -1;
    channelOfAccount[dataset.accounts().find("initech")] = seo;

    CohortTable table =
        Cohorts.compute(
            dataset,
            ZoneId.of("UTC"),
            CohortPeriod.WEEK,
            LocalDate.of(2025, 1, 12),
            Acquisition.FIRST_PAYMENT,
            channelOfAccount,
            channels);

    assertThat(table.cohorts())
        .extracting(Cohort::channel, Cohort::start, Cohort::size)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Dataset.UNATTRIBUTED, LocalDate.of(2025, 1, 6), 1),
            org.assertj.core.groups.Tuple.tuple("seo", LocalDate.of(2024, 12, 30), 1));
    Cohort acme = table.cohorts().get(1);
    assertThat(acme.ages()).isEqualTo(2);
    assertThat(acme.active(1)).isEqualTo(1);
    assertThat(acme.purchases(0)).isEqualTo(1);
    assertThat(acme.repeatPurchases(0)).isZero();
    assertThat(acme.repeatPurchases(1)).isEqualTo(1);
    assertThat(acme.revenue(0)).isEqualTo(15.0);
    assertThat(acme.cumulativeRevenue(1)).isEqualTo(22.0);
  }

  @Test
  void wonDealAcquisitionCountsCustomersWithoutPaymentsAndEarlierPaymentsAtAgeZero() {
    // c1 (acme) wins d1 on day 40 (Feb 10), paid on day 10 (Jan) and day 70 (Mar);
    // c2 (globex) wins d2 on day 45 and never pays; initech pays on day 5 without a won deal
    Dataset dataset =
        Dataset.of(
            new DataBuilder()
                .contact("c1", "acme")
                .contact("c2", "globex")
                .wonDeal("d1", null, "c1", 20, 40, "100")
                .wonDeal("d2", null, "c2", 30, 45, "50")
                .payment("p1", "d1", 10, "30")
                .payment("p2", "d1", 70, "70")
                .accountPayment("p3", null, "initech", 5, DataBuilder.rub("9"))
                .build(),
            "RUB");

    CohortTable table =
        Cohorts.compute(
            dataset,
            ZoneId.of("UTC"),
            CohortPeriod.MONTH,
            LocalDate.of(2025, 3, 31),
            Acquisition.FIRST_WON_DEAL,
            null,
            null);

    assertThat(table.cohorts()).hasSize(1);
    Cohort february = table.cohorts().get(0);
    assertThat(february.start()).isEqualTo(LocalDate.of(2025, 2, 1));
    assertThat(february.size()).isEqualTo(2);
    assertThat(february.ages()).isEqualTo(2);
    assertThat(february.active(0)).isEqualTo(2);
    assertThat(february.revenue(0)).isEqualTo(30.0);
    assertThat(february.purchases(0)).isEqualTo(1);
    assertThat(february.repeatPurchases(0)).isZero();
    assertThat(february.active(1)).isEqualTo(1);
    assertThat(february.repeatPurchases(1)).isEqualTo(1);
    assertThat(february.retention(1)).isEqualTo(0.5);
  }

  @Test
  void periodsNumberConsecutivelyAndStartOnTheirFirstDay() {
    LocalDate day = LocalDate.of(2025, 3, 5); // a Wednesday
    assertThat(CohortPeriod.WEEK.start(CohortPeriod.WEEK.index(day)))
        .isEqualTo(LocalDate.of(2025, 3, 3));
    assertThat(CohortPeriod.WEEK.index(day.plusDays(7)))
        .isEqualTo(CohortPeriod.WEEK.index(day) + 1);
    assertThat(CohortPeriod.MONTH.start(CohortPeriod.MONTH.index(day)))
        .isEqualTo(LocalDate.of(2025, 3, 1));
    assertThat(CohortPeriod.MONTH.index(LocalDate.of(2026, 1, 1)))
        .isEqualTo(CohortPeriod.MONTH.index(LocalDate.of(2025, 12, 31)) + 1);
    assertThat(CohortPeriod.WEEK.start(CohortPeriod.WEEK.index(LocalDate.of(1969, 12, 31))))
        .isEqualTo(LocalDate.of(1969, 12, 29));
  }
}
