package org.revtrace.ingest.connect;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Where the incremental sync of one ad account stands: the last day whose spend was synced.
 *
 * <p>Ad platforms restate recent days (late clicks, invalid-click refunds), so the next sync starts
 * {@code restatementDays} before the last synced day and re-reads them; a re-read day yields the
 * same spend keys, and the store treats spend with the same natural key (date, channel, UTM tags,
 * currency) as a restatement that replaces the old value. Syncing an overlapping range therefore
 * never counts a day twice.
 *
 * @param source the platform
 * @param account the account (Yandex Client-Login, Google customer id, VK or LinkedIn account id)
 * @param lastSynced the last day synced, or null before the first sync
 */
public record SpendCursor(AdSource source, String account, LocalDate lastSynced) {

  public SpendCursor {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(account, "account");
  }

  /** A cursor before the first sync. */
  public static SpendCursor start(AdSource source, String account) {
    return new SpendCursor(source, account, null);
  }

  /**
   * The days to sync next, up to and including {@code lastCompleteDay} (yesterday in the account's
   * zone: today is still changing): from {@code restatementDays} before the last synced day, or
   * from {@code firstDay} on the first sync. Empty when there is nothing new to read.
   */
  public java.util.Optional<DateRange> nextRange(
      LocalDate firstDay, LocalDate lastCompleteDay, int restatementDays) {
    if (restatementDays < 0) {
      throw new IllegalArgumentException("restatementDays must not be negative");
    }
    LocalDate from =
        lastSynced == null ? firstDay : lastSynced.plusDays(1).minusDays(restatementDays);
    if (lastSynced != null && from.isBefore(firstDay)) {
      from = firstDay;
    }
    if (lastCompleteDay.isBefore(from)
        || (lastSynced != null && !lastCompleteDay.isAfter(lastSynced) && restatementDays == 0)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new DateRange(from, lastCompleteDay));
  }

  /**
   * The entity this cursor is stored under: {@code spend}, or {@code spend:<account>} when the
   * account is named, so that a connection pointed at another account starts from its first day.
   */
  public String entity() {
    return account.isBlank() ? "spend" : "spend:" + account;
  }

  /** This cursor as the stored form of every connector: a day cursor, or initial before a sync. */
  public SyncCursor toSyncCursor() {
    return lastSynced == null
        ? SyncCursor.initial(source.code(), entity())
        : SyncCursor.ofDay(source.code(), entity(), lastSynced);
  }

  /**
   * The cursor of {@code account} among the stored cursors of a connection; the start when none is
   * stored for it (a first sync, or another account than before).
   *
   * @throws IllegalArgumentException when the stored cursor of that entity is not a day cursor
   */
  public static SpendCursor from(List<SyncCursor> stored, AdSource source, String account) {
    SpendCursor start = start(source, account);
    for (SyncCursor cursor : stored) {
      if (cursor.entity().equals(start.entity()) && !cursor.isInitial()) {
        if (cursor.lastDay() == null) {
          throw new IllegalArgumentException(
              "the stored cursor of " + cursor.entity() + " is not a day cursor: " + cursor);
        }
        return new SpendCursor(source, account, cursor.lastDay());
      }
    }
    return start;
  }

  /** The cursor after a sync of {@code range}: the later of its end and the current position. */
  public SpendCursor after(DateRange range) {
    LocalDate last = lastSynced == null || range.to().isAfter(lastSynced) ? range.to() : lastSynced;
    return new SpendCursor(source, account, last);
  }
}
