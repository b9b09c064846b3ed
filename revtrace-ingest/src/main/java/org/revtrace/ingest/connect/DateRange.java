package org.revtrace.ingest.connect;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Calendar days from {@code from} to {@code to}, both included, in the ad account's time zone. */
public record DateRange(LocalDate from, LocalDate to) {

  public DateRange {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("date range ends " + to + " before it starts " + from);
    }
  }

  /** The number of days in the range. */
  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  /** True when the day is in the range. */
  public boolean contains(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }

  /** Consecutive ranges of at most {@code maxDays} days that cover this one, in order. */
  public List<DateRange> chunks(int maxDays) {
    if (maxDays < 1) {
      throw new IllegalArgumentException("maxDays must be at least 1: " + maxDays);
    }
    List<DateRange> chunks = new ArrayList<>();
    for (LocalDate start = from; !start.isAfter(to); start = start.plusDays(maxDays)) {
      LocalDate end = start.plusDays(maxDays - 1L);
      chunks.add(new DateRange(start, end.isAfter(to) ? to : end));
    }
    return chunks;
  }
}
