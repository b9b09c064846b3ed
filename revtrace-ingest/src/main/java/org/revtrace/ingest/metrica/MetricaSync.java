package org.revtrace.ingest.metrica;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.connect.DateRange;
import org.revtrace.ingest.connect.SyncCursor;
import org.revtrace.ingest.connect.SyncResult;

/**
 * The incremental sync of one counter's visits, by whole days in the counter's zone.
 *
 * <p>The cursor (entity {@code logs:visits}) holds the last day synced: {@code lastId} is the day
 * ({@code 2025-03-02}) and {@code modifiedAt} its start in the counter's zone. A sync reads from
 * {@code restatementDays} before the day after it (from {@code firstDay} on the first sync) up to
 * the last complete day: yesterday in the counter's zone (the Logs API refuses today, whose visits
 * are still open), or an earlier {@code lastDay} when one is set. A visit stays open after its
 * start (Metrica: 99 % end within 3 days) and is rewritten until then, so the last days are read
 * again on the next sync; the re-read visits keep their touchpoint ids, and the store replaces
 * them. When nothing is new (the range would start after its end) nothing is requested.
 */
public final class MetricaSync {

  /** The connector's name in cursors and batches. */
  public static final String SOURCE = "metrica";

  /** The entity of the visits cursor. */
  public static final String ENTITY = "logs:visits";

  private final MetricaLogsApi api;
  private final MetricaVisits visits;
  private final ZoneId counterZone;
  private final LocalDate firstDay;
  private final int restatementDays;

  /**
   * @param firstDay the first day read on the first sync
   * @param restatementDays how many of the last synced days each sync reads again
   */
  public MetricaSync(
      MetricaLogsApi api,
      MetricaVisits visits,
      ZoneId counterZone,
      LocalDate firstDay,
      int restatementDays) {
    if (restatementDays < 0) {
      throw new IllegalArgumentException(
          "restatementDays must not be negative: " + restatementDays);
    }
    this.api = api;
    this.visits = visits;
    this.counterZone = counterZone;
    this.firstDay = firstDay;
    this.restatementDays = restatementDays;
  }

  /** The days to read after {@code cursor}, up to {@code lastCompleteDay}; empty when none. */
  public Optional<DateRange> nextRange(SyncCursor cursor, LocalDate lastCompleteDay) {
    LocalDate from = firstDay;
    if (!cursor.isInitial()) {
      LocalDate last = LocalDate.parse(cursor.lastId());
      LocalDate restated = last.plusDays(1).minusDays(restatementDays);
      from = restated.isBefore(firstDay) ? firstDay : restated;
    }
    return lastCompleteDay.isBefore(from)
        ? Optional.empty()
        : Optional.of(new DateRange(from, lastCompleteDay));
  }

  /**
   * Reads the visits after the cursor in {@code previous} up to {@code lastCompleteDay} and moves
   * the cursor to the range's end (never backwards).
   */
  public SyncResult sync(List<SyncCursor> previous, LocalDate lastCompleteDay) {
    SyncCursor cursor =
        previous.stream()
            .filter(c -> c.entity().equals(ENTITY))
            .findFirst()
            .orElse(SyncCursor.initial(SOURCE, ENTITY));
    Optional<DateRange> range = nextRange(cursor, lastCompleteDay);
    if (range.isEmpty()) {
      return new SyncResult(ImportResult.ofValidated(CanonicalData.empty()), List.of(cursor));
    }
    DateRange days = range.get();
    List<String> parts = api.visits(days, visits.fields());
    List<String> names = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      names.add("metrica:visits " + days.from() + ".." + days.to() + " part " + i);
    }
    ImportResult result =
        parts.isEmpty()
            ? ImportResult.ofValidated(CanonicalData.empty())
            : visits.parse(names, parts);
    LocalDate last = days.to();
    if (!cursor.isInitial() && LocalDate.parse(cursor.lastId()).isAfter(last)) {
      last = LocalDate.parse(cursor.lastId());
    }
    SyncCursor next =
        new SyncCursor(SOURCE, ENTITY, last.atStartOfDay(counterZone).toInstant(), last.toString());
    return new SyncResult(result, List.of(next));
  }
}
