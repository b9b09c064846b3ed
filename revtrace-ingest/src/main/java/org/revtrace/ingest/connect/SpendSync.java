package org.revtrace.ingest.connect;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.revtrace.ingest.canonical.ImportResult;

/**
 * One incremental spend sync of one ad account: which days to read, reading them, and where the
 * cursor goes.
 *
 * <p>Definition: the last day is {@code endDate} when set, else today in the account's time zone
 * when {@code includeToday}, else yesterday (today's spend still changes). The first day is {@code
 * restatementDays} before the day after the last synced one (so the last {@code restatementDays}
 * synced days are read again: platforms restate them), or {@code startDate} on the first sync, and
 * never before {@code startDate}. Nothing is read when the range would be empty. The cursor moves
 * to the range's end and never back ({@link SpendCursor}).
 *
 * <p>Re-read days produce the same spend keys (date, channel, UTM tags, currency); the store
 * replaces a stored row whose values changed and leaves an equal one unchanged, so a restated day
 * replaces the old numbers and the same numbers again change nothing.
 *
 * @param reader the platform client
 * @param zone the account's time zone, in which "yesterday" is taken
 * @param clock the clock "today" comes from
 * @param startDate the first day ever read
 * @param endDate a fixed last day (backfills), or null for yesterday/today
 * @param restatementDays how many synced days each sync reads again (0 or more)
 * @param includeToday whether the range ends today rather than yesterday (ignored with endDate)
 */
public record SpendSync(
    SpendReader reader,
    ZoneId zone,
    Clock clock,
    LocalDate startDate,
    LocalDate endDate,
    int restatementDays,
    boolean includeToday) {

  /** How many synced days are read again by default: Google and Yandex restate about a week. */
  public static final int DEFAULT_RESTATEMENT_DAYS = 7;

  /** How far back the first sync starts by default. */
  public static final int DEFAULT_HISTORY_DAYS = 90;

  public SpendSync {
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(startDate, "startDate");
    if (restatementDays < 0) {
      throw new IllegalArgumentException(
          "restatementDays must not be negative: " + restatementDays);
    }
  }

  /** The default first day: {@value #DEFAULT_HISTORY_DAYS} days before today in {@code zone}. */
  public static LocalDate defaultStartDate(Clock clock, ZoneId zone) {
    return LocalDate.now(clock.withZone(zone)).minusDays(DEFAULT_HISTORY_DAYS);
  }

  /** The last day this sync reads up to. */
  public LocalDate lastDay() {
    if (endDate != null) {
      return endDate;
    }
    LocalDate today = LocalDate.now(clock.withZone(zone));
    return includeToday ? today : today.minusDays(1);
  }

  /** The days the next sync from {@code cursor} reads; empty when there is nothing to read. */
  public Optional<DateRange> nextRange(SpendCursor cursor) {
    return cursor.nextRange(startDate, lastDay(), restatementDays);
  }

  /**
   * Reads the next range from {@code cursor}: the spend and the moved cursor, or, when there is
   * nothing to read, an empty result and the same cursor.
   */
  public Synced sync(SpendCursor cursor) {
    Optional<DateRange> range = nextRange(cursor);
    if (range.isEmpty()) {
      return new Synced(Optional.empty(), ImportResult.combine(List.of()), cursor);
    }
    ImportResult result = reader.fetch(range.get());
    return new Synced(range, result, cursor.after(range.get()));
  }

  /**
   * What one sync read.
   *
   * @param range the days read, or empty when nothing was due
   * @param result the spend rows and row errors
   * @param next the cursor for the next sync
   */
  public record Synced(Optional<DateRange> range, ImportResult result, SpendCursor next) {

    public Synced {
      Objects.requireNonNull(range, "range");
      Objects.requireNonNull(result, "result");
      Objects.requireNonNull(next, "next");
    }

    /** This sync in the form every connector returns, with the cursor as a day cursor. */
    public SyncResult toSyncResult() {
      return new SyncResult(result, List.of(next.toSyncCursor()));
    }
  }
}
