package org.revtrace.app.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Dated marketing events of the window: a webinar every other Thursday and a handful of industry
 * conferences. Webinar and conference touches land on these days, and their spend and costs are
 * booked on the same days, so the files agree with each other.
 */
final class MarketingCalendar {

  private static final String[] CONFERENCE_NAMES = {
    "b2b_marketing_forum", "sales_summit_moscow", "cnews_digital_industry", "martech_day",
    "spb_business_week", "ural_it_forum", "rif", "productsense"
  };

  /**
   * A dated event.
   *
   * @param day window day
   * @param campaign the {@code utm_campaign} of its touches and spend
   */
  record Event(int day, String campaign) {}

  private final List<Event> webinars = new ArrayList<>();
  private final List<Event> conferences = new ArrayList<>();

  MarketingCalendar(LocalDate start, int days) {
    int first = 7;
    while (start.plusDays(first).getDayOfWeek() != DayOfWeek.THURSDAY) {
      first++;
    }
    for (int day = first; day < days; day += 14) {
      LocalDate date = start.plusDays(day);
      String campaign = "webinar_" + date.toString().replace('-', '_');
      webinars.add(new Event(day, campaign));
    }
    int count = Math.max(2, Math.min(CONFERENCE_NAMES.length, days / 60));
    for (int i = 0; i < count; i++) {
      int day = (int) ((i + 0.5) * days / count);
      while (day + 1 < days && start.plusDays(day).getDayOfWeek() != DayOfWeek.WEDNESDAY) {
        day++;
      }
      String campaign = CONFERENCE_NAMES[i] + "_" + start.plusDays(day).getYear();
      conferences.add(new Event(day, campaign));
    }
  }

  List<Event> webinars() {
    return webinars;
  }

  List<Event> conferences() {
    return conferences;
  }

  /** The first event of the list on or after {@code from} and before {@code until}, or null. */
  static Event firstBetween(List<Event> events, int from, int until) {
    for (Event event : events) {
      if (event.day() >= from && event.day() < until) {
        return event;
      }
    }
    return null;
  }
}
