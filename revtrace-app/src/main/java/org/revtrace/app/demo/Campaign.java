package org.revtrace.app.demo;

/**
 * A campaign flight of a channel, in window days.
 *
 * @param name the {@code utm_campaign} value
 * @param firstDay first active day (0 = window start)
 * @param endDay first day after the flight
 */
record Campaign(String name, int firstDay, int endDay) {

  boolean activeOn(int day) {
    return day >= firstDay && day < endDay;
  }
}
