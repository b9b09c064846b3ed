package org.revtrace.core.cohort;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A cohort triangle: one {@link Cohort} per (channel, acquisition period), ordered by channel name
 * then period.
 *
 * @param period the period of cohorts and ages
 * @param observationEnd last day of observed purchases
 * @param cohorts the rows
 */
public record CohortTable(CohortPeriod period, LocalDate observationEnd, List<Cohort> cohorts) {

  public CohortTable {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(observationEnd, "observationEnd");
    cohorts = List.copyOf(cohorts);
  }

  /** Customers over all cohorts. */
  public int customers() {
    int sum = 0;
    for (Cohort cohort : cohorts) {
      sum += cohort.size();
    }
    return sum;
  }
}
