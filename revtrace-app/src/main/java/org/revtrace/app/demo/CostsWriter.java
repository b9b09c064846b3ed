package org.revtrace.app.demo;

import java.time.LocalDate;
import java.util.random.RandomGenerator;

/**
 * Writes {@code costs.csv}: the costs beside media spend that make CAC and ROI honest — sales and
 * marketing payroll on the 25th, agency fees as a share of the managed platforms' monthly spend,
 * monthly tool subscriptions (one billed in USD), SEO content, conference logistics on event days
 * and quarterly partner gifts. Amounts scale with the number of accounts.
 */
final class CostsWriter {

  private final Catalog catalog;
  private final MarketingCalendar calendar;
  private final Window window;
  private final SpendSimulator spend;
  private final double scale;

  CostsWriter(
      Catalog catalog,
      MarketingCalendar calendar,
      Window window,
      SpendSimulator spend,
      double scale) {
    this.catalog = catalog;
    this.calendar = calendar;
    this.window = window;
    this.spend = spend;
    this.scale = scale;
  }

  void write(CsvSink sink, RandomGenerator rng) {
    long salesReps = Math.max(2, Math.round(6 * scale));
    long marketers = Math.max(1, Math.round(3 * scale));
    for (int day = 0; day < window.days(); day++) {
      LocalDate date = window.date(day);
      int dayOfMonth = date.getDayOfMonth();
      if (dayOfMonth == 1) {
        cost(sink, date, "tools", 4_500.0 * (salesReps + marketers), "", "RUB");
        cost(sink, date, "tools", 25_000 * noise(rng), "email", "RUB");
        cost(sink, date, "tools", 18_000 * noise(rng), "calls", "RUB");
        cost(sink, date, "tools", 22_000, Catalog.WEBINARS, "RUB");
        cost(sink, date, "tools", 15_000, "seo", "RUB");
        cost(sink, date, "tools", 180, "linkedin_ads", "USD");
      }
      if (dayOfMonth == 25) {
        cost(sink, date, "sales", salesReps * 165_000 * noise(rng), "", "RUB");
        cost(sink, date, "marketing", marketers * 175_000 * noise(rng), "", "RUB");
        cost(sink, date, "marketing", 90_000 * scale * noise(rng), "seo", "RUB");
      }
      if (dayOfMonth == 15 && date.getMonthValue() % 3 == 0) {
        cost(sink, date, "other", 60_000 * scale * noise(rng), "partners", "RUB");
      }
      if (day + 1 == window.days() || window.date(day + 1).getDayOfMonth() == 1) {
        int month = spend.monthOf(day);
        long yandex =
            spend.monthlyMinor(catalog.indexOf(Catalog.YANDEX_DIRECT), month)
                + spend.monthlyMinor(catalog.indexOf("yandex_display"), month);
        long vk = spend.monthlyMinor(catalog.indexOf("vk_ads"), month);
        costMinor(sink, date, "agency", Math.round(yandex * 0.15), Catalog.YANDEX_DIRECT, "RUB");
        costMinor(sink, date, "agency", Math.round(vk * 0.12), "vk_ads", "RUB");
      }
      if (MarketingCalendar.firstBetween(calendar.conferences(), day, day + 1) != null) {
        cost(sink, date, "marketing", 250_000 * scale * noise(rng), Catalog.CONFERENCES, "RUB");
      }
    }
  }

  private static void cost(
      CsvSink sink,
      LocalDate date,
      String category,
      double major,
      String channel,
      String currency) {
    costMinor(sink, date, category, Math.round(major * 100), channel, currency);
  }

  private static void costMinor(
      CsvSink sink, LocalDate date, String category, long minor, String channel, String currency) {
    sink.write(CsvValues.date(date), category, CsvValues.money(minor), channel, currency);
  }

  private static double noise(RandomGenerator rng) {
    return SalesCycle.between(rng, 0.95, 1.1);
  }
}
