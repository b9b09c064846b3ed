package org.revtrace.core.clv;

/** The time unit of a {@link CustomerSummary}: recency, age and horizons are counted in it. */
public enum TimeScale {
  DAYS(1),
  WEEKS(7);

  /** Mean Gregorian month in days (365.2425 / 12). */
  static final double DAYS_PER_MONTH = 365.2425 / 12;

  private final int days;

  TimeScale(int days) {
    this.days = days;
  }

  /** Length of one unit in days. */
  public int days() {
    return days;
  }

  /** Units in a mean Gregorian month: 30.44 days, 4.348 weeks. */
  public double perMonth() {
    return DAYS_PER_MONTH / days;
  }
}
