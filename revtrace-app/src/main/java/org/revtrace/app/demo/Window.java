package org.revtrace.app.demo;

import java.time.LocalDate;

/** The calendar window of a demo in Moscow time; converts window days to epoch seconds. */
record Window(LocalDate start, int days) {

  static final long DAY = 86_400L;
  static final long HOUR = 3_600L;

  /** Epoch second of midnight (Moscow) starting window day {@code day}. */
  long epochOfDay(int day) {
    return (start.toEpochDay() + day) * DAY - CsvValues.MOSCOW.getTotalSeconds();
  }

  /** The window day (Moscow) holding an epoch second. */
  int dayOf(long epochSecond) {
    long localDay = Math.floorDiv(epochSecond + CsvValues.MOSCOW.getTotalSeconds(), DAY);
    return (int) (localDay - start.toEpochDay());
  }

  /** The last epoch second of the window. */
  long endEpoch() {
    return epochOfDay(days) - 1;
  }

  LocalDate date(int day) {
    return start.plusDays(day);
  }

  /** Whether a window day is a Saturday or Sunday. */
  boolean weekend(int day) {
    return date(day).getDayOfWeek().getValue() >= 6;
  }

  /**
   * The moment itself when it falls in working hours (09:00–20:00 Moscow, Monday to Friday),
   * otherwise the next working morning, keeping the minutes as a spread.
   */
  long workingMoment(long epochSecond) {
    int day = dayOf(epochSecond);
    long intoDay = epochSecond - epochOfDay(day);
    if (!weekend(day) && intoDay >= 9 * HOUR && intoDay < 20 * HOUR) {
      return epochSecond;
    }
    int next = intoDay >= 20 * HOUR ? day + 1 : day;
    while (weekend(next)) {
      next++;
    }
    return epochOfDay(next) + 9 * HOUR + epochSecond % HOUR;
  }
}
