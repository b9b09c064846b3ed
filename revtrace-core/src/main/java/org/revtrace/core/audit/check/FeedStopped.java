package org.revtrace.core.audit.check;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.revtrace.core.audit.AuditInput;
import org.revtrace.core.audit.Finding;
import org.revtrace.core.audit.Horizon;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.model.TouchType;

/**
 * {@code FEED_STOPPED}: a feed that delivered rows regularly has none for longer than the feed gap
 * (7 days by default) before the data's last day. Feeds: spend per channel (one ad account each),
 * touchpoints, and touchpoints per kind that comes from its own system (visits and ad clicks: web
 * analytics; calls: call tracking; forms; e-mails), leads, deals, payments. Event-like touches
 * (webinars, conferences, meetings) come in bursts and are not feeds. Regular: rows on at least 14
 * days, and in at least half of the weeks between its first and last row. Money, for spend feeds:
 * the spend not counted, estimated as the feed's average daily spend over its last 28 days times
 * the days it has been silent.
 */
public final class FeedStopped extends Check {

  private static final int MIN_DAYS = 14;
  private static final Set<TouchType> FEED_TYPES =
      java.util.EnumSet.of(
          TouchType.VISIT, TouchType.AD_CLICK, TouchType.CALL, TouchType.FORM, TouchType.EMAIL);

  public FeedStopped() {
    super("FEED_STOPPED", Horizon.QUICK_WIN);
  }

  /** The days one feed delivered rows on, and (spend feeds) its cost per day. */
  private static final class Feed {
    final TreeSet<LocalDate> days = new TreeSet<>();
    final Map<LocalDate, Long> cost = new TreeMap<>();
  }

  @Override
  public Optional<Finding> run(AuditInput input) {
    Dataset data = input.dataset();
    Map<String, Feed> feeds = new TreeMap<>();
    for (int s = 0; s < data.spendCount(); s++) {
      Feed feed =
          feeds.computeIfAbsent(
              "spend:" + data.channels().decode(data.spendChannel()[s]), k -> new Feed());
      LocalDate day = LocalDate.ofEpochDay(data.spendDay()[s]);
      feed.days.add(day);
      feed.cost.merge(day, data.spendCost()[s], Long::sum);
    }
    for (int t = 0; t < data.touchCount(); t++) {
      add(feeds, "touchpoints", data.touchTime()[t]);
      TouchType type = TouchType.values()[data.touchType()[t]];
      if (FEED_TYPES.contains(type)) {
        add(feeds, "touchpoints:" + type.code(), data.touchTime()[t]);
      }
    }
    for (int l = 0; l < data.leadCount(); l++) {
      add(feeds, "leads", data.leadCreated()[l]);
    }
    for (int d = 0; d < data.dealCount(); d++) {
      add(feeds, "deals", data.dealCreated()[d]);
    }
    for (int p = 0; p < data.paymentCount(); p++) {
      add(feeds, "payments", data.paymentTime()[p]);
    }
    LocalDate end = null;
    for (Feed feed : feeds.values()) {
      if (!feed.days.isEmpty() && (end == null || feed.days.last().isAfter(end))) {
        end = feed.days.last();
      }
    }
    if (end == null) {
      return Optional.empty();
    }
    long gap = input.settings().feedGap().toDays();
    List<String> stopped = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    long spend = 0;
    long regular = 0;
    for (Map.Entry<String, Feed> entry : feeds.entrySet()) {
      Feed feed = entry.getValue();
      if (!isRegular(feed.days)) {
        continue;
      }
      regular++;
      long silent = ChronoUnit.DAYS.between(feed.days.last(), end);
      if (silent > gap) {
        stopped.add(entry.getKey());
        notes.add(
            entry.getKey() + " (last row " + feed.days.last() + ", silent " + silent + " days)");
        spend += missedSpend(feed, silent);
      }
    }
    return found(
        stopped.size(),
        Math.max(regular, stopped.size()),
        "feeds",
        0,
        spend,
        0,
        stopped,
        notes,
        stopped.size()
            + " of "
            + regular
            + " regular feeds have delivered nothing for more than "
            + gap
            + " days before "
            + end);
  }

  private static void add(Map<String, Feed> feeds, String name, long epochSecond) {
    feeds
        .computeIfAbsent(name, k -> new Feed())
        .days
        .add(LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
  }

  private static boolean isRegular(TreeSet<LocalDate> days) {
    if (days.size() < MIN_DAYS) {
      return false;
    }
    Set<Long> weeks = new HashSet<>();
    for (LocalDate day : days) {
      weeks.add(Math.floorDiv(day.toEpochDay(), 7));
    }
    long span =
        Math.floorDiv(days.last().toEpochDay(), 7)
            - Math.floorDiv(days.first().toEpochDay(), 7)
            + 1;
    return weeks.size() * 2 >= span;
  }

  private static long missedSpend(Feed feed, long silentDays) {
    if (feed.cost.isEmpty()) {
      return 0;
    }
    LocalDate last = feed.days.last();
    LocalDate from = last.minusDays(27);
    long total = 0;
    for (Map.Entry<LocalDate, Long> day : feed.cost.entrySet()) {
      if (!day.getKey().isBefore(from)) {
        total += day.getValue();
      }
    }
    return Math.round(total / 28.0 * silentDays);
  }
}
