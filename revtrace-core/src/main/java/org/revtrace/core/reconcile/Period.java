package org.revtrace.core.reconcile;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import org.revtrace.core.model.Codes;

/** The calendar period a reconciliation groups days by. Weeks are ISO weeks (Monday first). */
public enum Period {
  DAY,
  WEEK,
  MONTH;

  /** The first day of the period holding {@code day}. */
  public LocalDate start(LocalDate day) {
    return switch (this) {
      case DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
    };
  }

  /** The last day of the period that starts on {@code start}. */
  public LocalDate end(LocalDate start) {
    return switch (this) {
      case DAY -> start;
      case WEEK -> start.plusDays(6);
      case MONTH -> start.with(TemporalAdjusters.lastDayOfMonth());
    };
  }

  /** The lower-case spelling used by the CLI and the API ({@code week}). */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code day}, {@code week} or {@code month}, ignoring case and blanks. */
  public static Optional<Period> parse(String code) {
    return Codes.parse(Period.class, code, "");
  }
}
