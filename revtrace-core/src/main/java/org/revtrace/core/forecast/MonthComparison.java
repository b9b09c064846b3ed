package org.revtrace.core.forecast;

import java.time.YearMonth;
import java.util.Objects;

/**
 * Forecast against actual for one month of a back-test.
 *
 * @param month the month
 * @param forecast expected won amount from the pipeline open at the cut, minor units
 * @param actual won amount that the same deals really closed in the month, minor units
 */
public record MonthComparison(YearMonth month, long forecast, long actual) {

  public MonthComparison {
    Objects.requireNonNull(month, "month");
  }
}
