package org.revtrace.app.demo;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.revtrace.core.model.TouchType;

/**
 * Website and ad traffic of people who never become contacts: students, competitors, job seekers,
 * small companies outside the target list. Written day by day in time order, spread over the web
 * channels by reach and frequency; it fills the touchpoint target left after the accounts.
 */
final class AnonymousTraffic {

  private final Catalog catalog;
  private final Window window;
  private final TouchPlanner planner;
  private final TouchRows rows;
  private final double[] weights;

  AnonymousTraffic(Catalog catalog, Window window, MarketingCalendar calendar) {
    this.catalog = catalog;
    this.window = window;
    this.planner = new TouchPlanner(catalog, calendar, window);
    this.rows = new TouchRows(catalog);
    this.weights = new double[catalog.size()];
    for (ChannelProfile channel : catalog.channels()) {
      boolean web =
          switch (channel.group()) {
            case PAID_SEARCH,
                PAID_SOCIAL,
                DISPLAY,
                SPONSORED_CONTENT,
                ORGANIC_SEARCH,
                ORGANIC_SOCIAL,
                REFERRAL,
                DIRECT,
                PARTNERS ->
                true;
            case WEBINARS, CONFERENCES, EMAIL, CALLS, SALES -> false;
          };
      weights[channel.index()] = web ? channel.reach() * channel.frequency() : 0;
    }
  }

  /** Writes {@code count} anonymous touchpoints. */
  void write(long count, DemoFiles files, DirtyData dirty, RandomGenerator rng) {
    CsvSink sink = files.sink(CanonicalFile.TOUCHPOINTS);
    int days = window.days();
    for (int day = 0; day < days; day++) {
      long today = count * (day + 1) / days - count * day / days;
      long[] times = new long[(int) today];
      long dayStart = window.epochOfDay(day);
      for (int i = 0; i < times.length; i++) {
        times[i] = dayStart + 6 * Window.HOUR + (long) (rng.nextDouble() * 18 * Window.HOUR);
      }
      Arrays.sort(times);
      String visitor = null;
      for (long at : times) {
        if (visitor == null || rng.nextDouble() < 0.6) {
          visitor = "v-" + Long.toHexString(rng.nextLong() >>> 4);
        }
        int channel = AccountFactory.pick(rng, weights);
        TouchType type = TouchPlanner.type(catalog.channel(channel).group(), rng);
        String campaign = planner.campaign(channel, day, rng);
        Touch touch = new Touch(at, channel, type, visitor, null, true, campaign, false);
        String[] cells = rows.cells(touch, files.nextTouchpointId(), rng);
        dirty.mutateTouch(cells);
        sink.write(cells);
      }
    }
  }
}
