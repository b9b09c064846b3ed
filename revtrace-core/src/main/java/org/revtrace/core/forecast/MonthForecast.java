package org.revtrace.core.forecast;

import java.time.YearMonth;
import java.util.Objects;

/**
 * Expected revenue closing in one calendar month.
 *
 * @param month the month in the forecast's zone
 * @param expected expected won amount, minor units (rounded)
 */
public record MonthForecast(YearMonth month, long expected) {

  public MonthForecast {
    Objects.requireNonNull(month, "month");
  }
}
