package org.revtrace.app.demo;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Writes {@code spend.csv} and {@code rates.csv}.
 *
 * <p>Spend: paid platforms spend daily per active campaign (less at weekends, in the New Year
 * holidays and in summer); sponsored content and partner commissions are booked monthly; webinar
 * promotion and conference sponsorships on the event days. Clicks and impressions follow the
 * channel's cost per click and click-through rate. Budgets scale with the number of accounts.
 * Google and LinkedIn bill in USD, Telegram Ads in EUR, the rest in RUB.
 *
 * <p>Rates: a mean-reverting random walk of USD→RUB around 90 and EUR at about 1.1 USD, one row per
 * currency per day of the window, in roubles per unit.
 */
final class SpendSimulator {

  private final Catalog catalog;
  private final MarketingCalendar calendar;
  private final Window window;
  private final double scale;
  private final long[][] monthlyMinor;

  SpendSimulator(Catalog catalog, MarketingCalendar calendar, Window window, double scale) {
    this.catalog = catalog;
    this.calendar = calendar;
    this.window = window;
    this.scale = scale;
    this.monthlyMinor = new long[catalog.size()][months(window) + 1];
  }

  void writeRates(CsvSink sink, RandomGenerator rng) {
    double usd = 86.5;
    double eurPerUsd = 1.08;
    for (int day = 0; day < window.days(); day++) {
      String date = CsvValues.date(window.date(day));
      sink.write(date, "USD", CsvValues.decimal(usd, 4));
      sink.write(date, "EUR", CsvValues.decimal(usd * eurPerUsd, 4));
      usd *= Math.exp(0.006 * rng.nextGaussian() + 0.02 * (Math.log(90) - Math.log(usd)));
      eurPerUsd += 0.002 * rng.nextGaussian() + 0.02 * (1.10 - eurPerUsd);
    }
  }

  void writeSpend(CsvSink sink, RandomGenerator rng) {
    for (int day = 0; day < window.days(); day++) {
      LocalDate date = window.date(day);
      for (ChannelProfile channel : catalog.channels()) {
        if (!channel.hasSpend()) {
          continue;
        }
        SpendProfile spend = channel.spend();
        switch (spend.pacing()) {
          case DAILY -> writeCampaigns(sink, channel, day, season(date), rng);
          case MONTHLY -> {
            if (date.getDayOfMonth() == 1 || day == 0) {
              writeCampaigns(sink, channel, day, 1.0, rng);
            }
          }
          case PER_EVENT -> writeEvent(sink, channel, day, rng);
        }
      }
    }
  }

  /** Spend of a channel in a month of the window, in minor units of its currency. */
  long monthlyMinor(int channel, int month) {
    return monthlyMinor[channel][month];
  }

  /** The month index (0 = the month of the window start) of a window day. */
  int monthOf(int day) {
    LocalDate date = window.date(day);
    LocalDate start = window.start();
    return (date.getYear() - start.getYear()) * 12 + date.getMonthValue() - start.getMonthValue();
  }

  private void writeCampaigns(
      CsvSink sink, ChannelProfile channel, int day, double season, RandomGenerator rng) {
    List<Campaign> active = new ArrayList<>();
    for (Campaign campaign : channel.campaigns()) {
      if (campaign.activeOn(day)) {
        active.add(campaign);
      }
    }
    for (Campaign campaign : active) {
      double cost =
          channel.spend().budget()
              * scale
              / active.size()
              * season
              * SalesCycle.between(rng, 0.75, 1.25);
      write(sink, channel, day, campaign.name(), cost, rng);
    }
  }

  private void writeEvent(CsvSink sink, ChannelProfile channel, int day, RandomGenerator rng) {
    List<MarketingCalendar.Event> events =
        channel.group() == ChannelGroup.WEBINARS ? calendar.webinars() : calendar.conferences();
    MarketingCalendar.Event event = MarketingCalendar.firstBetween(events, day, day + 1);
    if (event != null) {
      double cost = channel.spend().budget() * scale * SalesCycle.between(rng, 0.8, 1.2);
      write(sink, channel, day, event.campaign(), cost, rng);
    }
  }

  private void write(
      CsvSink sink,
      ChannelProfile channel,
      int day,
      String campaign,
      double cost,
      RandomGenerator rng) {
    SpendProfile spend = channel.spend();
    long minor = Math.max(1, Math.round(cost * 100));
    String impressions = "";
    String clicks = "";
    if (spend.costPerClick() > 0) {
      long clickCount =
          Math.round(cost / (spend.costPerClick() * SalesCycle.between(rng, 0.85, 1.15)));
      long shows =
          Math.round(clickCount / (spend.clickThroughRate() * SalesCycle.between(rng, 0.8, 1.2)));
      clicks = Long.toString(clickCount);
      impressions = Long.toString(Math.max(clickCount, shows));
    }
    monthlyMinor[channel.index()][monthOf(day)] += minor;
    sink.write(
        CsvValues.date(window.date(day)),
        channel.key(),
        CsvValues.money(minor),
        channel.sources().get(0),
        channel.medium(),
        campaign,
        impressions,
        clicks,
        spend.currency());
  }

  private static double season(LocalDate date) {
    double factor = date.getDayOfWeek().getValue() >= 6 ? 0.45 : 1.0;
    if (date.getMonth() == Month.JANUARY && date.getDayOfMonth() <= 8) {
      factor *= 0.3;
    } else if (date.getMonth() == Month.JULY || date.getMonth() == Month.AUGUST) {
      factor *= 0.8;
    }
    return factor;
  }

  private static int months(Window window) {
    LocalDate start = window.start();
    LocalDate end = window.date(window.days() - 1);
    return (end.getYear() - start.getYear()) * 12 + end.getMonthValue() - start.getMonthValue();
  }
}
