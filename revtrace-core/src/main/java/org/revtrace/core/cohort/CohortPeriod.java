package org.revtrace.core.cohort;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** The calendar period that groups customers into cohorts and counts their age. */
public enum CohortPeriod {
  /** ISO weeks, Monday to Sunday. */
  WEEK,
  /** Calendar months. */
  MONTH;

  /** A running number of the period holding {@code day}; consecutive periods differ by one. */
  public int index(LocalDate day) {
    return switch (this) {
      case WEEK -> (int) Math.floorDiv(day.toEpochDay() + 3, 7); // epoch day 0 was a Thursday
      case MONTH -> day.getYear() * 12 + day.getMonthValue() - 1;
    };
  }

  /** The first day of period {@code index}. */
  public LocalDate start(int index) {
    return switch (this) {
      case WEEK -> LocalDate.ofEpochDay(index * 7L - 3).with(DayOfWeek.MONDAY);
      case MONTH -> LocalDate.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1, 1);
    };
  }
}
