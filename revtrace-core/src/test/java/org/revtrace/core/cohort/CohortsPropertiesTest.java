package org.revtrace.core.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.revtrace.core.dataset.Purchases;

class CohortsPropertiesTest {

  private static final int START = (int) LocalDate.of(2025, 1, 1).toEpochDay();

  /** Cohorts partition the customers and the revenue; no cell counts more than it can. */
  @Property(tries = 200)
  void cohortsPartitionCustomersAndRevenue(
      @ForAll @Size(min = 1, max = 60) int[] customerSeeds,
      @ForAll @IntRange(min = 0, max = 400) int endOffset,
      @ForAll boolean weekly) {
    int n = customerSeeds.length;
    int[] customer = new int[n];
    int[] day = new int[n];
    double[] amount = new double[n];
    for (int i = 0; i < n; i++) {
      int seed = Math.abs(customerSeeds[i] % 1_000_000);
      customer[i] = seed % 7;
      day[i] = START + (seed / 7) % 365;
      amount[i] = seed % 100;
    }
    LocalDate end = LocalDate.ofEpochDay(START + endOffset);
    CohortPeriod period = weekly ? CohortPeriod.WEEK : CohortPeriod.MONTH;

    CohortTable table =
        Cohorts.compute(new Purchases(7, customer, day, amount), period, end, null, null);

    Set<Integer> buyers = new HashSet<>();
    double observedRevenue = 0;
    for (int i = 0; i < n; i++) {
      if (day[i] <= end.toEpochDay()) {
        buyers.add(customer[i]);
        observedRevenue += amount[i];
      }
    }
    assertThat(table.customers()).isEqualTo(buyers.size());
    double revenue = 0;
    for (Cohort cohort : table.cohorts()) {
      assertThat(cohort.retention(0)).isEqualTo(1.0);
      assertThat(cohort.ages()).isEqualTo(period.index(end) - period.index(cohort.start()) + 1);
      for (int age = 0; age < cohort.ages(); age++) {
        assertThat(cohort.active(age)).isBetween(0, cohort.size());
        assertThat(cohort.purchases(age)).isGreaterThanOrEqualTo(cohort.active(age));
        assertThat(cohort.repeatPurchases(age)).isBetween(0, cohort.purchases(age));
        revenue += cohort.revenue(age);
      }
      assertThat(cohort.purchases(0) - cohort.repeatPurchases(0)).isEqualTo(cohort.size());
    }
    assertThat(revenue).isCloseTo(observedRevenue, within(1e-6));
  }
}
