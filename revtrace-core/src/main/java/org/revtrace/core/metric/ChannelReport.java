package org.revtrace.core.metric;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.revtrace.core.attribution.Attribution;
import org.revtrace.core.attribution.AttributionModel;
import org.revtrace.core.attribution.AttributionModels;
import org.revtrace.core.attribution.HalfLife;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.dataset.Dictionary;
import org.revtrace.core.dataset.Dimension;
import org.revtrace.core.journey.Goal;
import org.revtrace.core.journey.JourneyBuilder;
import org.revtrace.core.journey.Journeys;
import org.revtrace.core.journey.ValueKind;

/**
 * Computes the channel report: spend and costs per channel, every funnel stage's conversions and
 * the won revenue attributed by one model, and the metrics derived from them.
 *
 * <p>Costs tied to a channel in costs.csv go to that channel; costs tied to none are spread over
 * channels in proportion to their media spend in the period (to the kopeck, largest remainder), so
 * channel costs add up to the totals. With no media spend at all, untied costs stay in the totals
 * only.
 */
public final class ChannelReport {

  private static final Goal[] STAGES = Goal.values();

  private ChannelReport() {}

  public static Report compute(Dataset data, ReportRequest request) {
    Duration halfLife = HalfLife.fromSalesCycle(data);
    AttributionModel model =
        AttributionModels.create(request.model(), request.settings(), halfLife);
    boolean nullPaths = request.settings().needsNonConverting(request.model());
    Map<Goal, Attribution> byStage = new EnumMap<>(Goal.class);
    for (Goal stage : STAGES) {
      Journeys journeys = JourneyBuilder.build(data, request.journeyOptions(stage, nullPaths));
      byStage.put(stage, model.attribute(journeys));
    }
    PeriodFacts facts = new PeriodFacts(data, request);
    Dictionary keys = data.keys(request.dimension());
    int channelCount = keys.size();
    long[] marketingCost = new long[channelCount];
    long[] acquisitionCost = new long[channelCount];
    facts.allocateCosts(marketingCost, acquisitionCost);

    List<MetricRow> channels = new ArrayList<>();
    for (int c = 0; c < channelCount; c++) {
      MetricRow row =
          credited(
              keys.decode(c),
              new long[] {facts.channelSpend[c], marketingCost[c], acquisitionCost[c]},
              facts.channelImpressions[c],
              facts.channelClicks[c],
              byStage,
              request.goal(),
              Attribution::channelConversions,
              Attribution::channelValue,
              c);
      if (!isEmpty(row)) {
        channels.add(row);
      }
    }
    channels.sort(Comparator.comparing(MetricRow::key));

    Map<String, List<MetricRow>> campaigns = new TreeMap<>();
    // Campaigns belong to channels; a report by source has no campaign rows.
    int campaignCount = request.dimension() == Dimension.CHANNEL ? data.campaigns().size() : 0;
    for (int m = 0; m < campaignCount; m++) {
      long spend = facts.campaignSpend[m];
      MetricRow row =
          credited(
              data.campaignName(m),
              new long[] {spend, spend, spend},
              facts.campaignImpressions[m],
              facts.campaignClicks[m],
              byStage,
              request.goal(),
              Attribution::campaignConversions,
              Attribution::campaignValue,
              m);
      if (!isEmpty(row)) {
        campaigns
            .computeIfAbsent(
                data.channels().decode(data.campaignChannel(m)), k -> new ArrayList<>())
            .add(row);
      }
    }
    campaigns.values().forEach(rows -> rows.sort(Comparator.comparing(MetricRow::key)));

    MetricRow totals =
        new MetricRow(
            "total",
            facts.totalSpend,
            facts.totalMarketingCost,
            facts.totalAcquisitionCost,
            facts.totalImpressions,
            facts.totalClicks,
            byStage.get(Goal.LEAD).conversions(),
            byStage.get(Goal.MQL).conversions(),
            byStage.get(Goal.SQL).conversions(),
            byStage.get(Goal.OPPORTUNITY).conversions(),
            byStage.get(Goal.WON).conversions(),
            byStage.get(Goal.WON).creditedValue(ValueKind.REVENUE),
            byStage.get(Goal.WON).creditedValue(ValueKind.AMOUNT),
            byStage.get(Goal.WON).creditedValue(ValueKind.LIFETIME),
            byStage.get(request.goal()).conversions());
    return new Report(
        data.currency(),
        request.model().code(),
        request.goal().code(),
        request.from(),
        request.to(),
        totals,
        channels,
        campaigns);
  }

  /**
   * The totals of each calendar month (in the request's zone) of the period, keyed {@code YYYY-MM}.
   * Without a period bound, the months span the data's spend, leads and deals.
   */
  public static List<MetricRow> byMonth(Dataset data, ReportRequest request) {
    java.time.LocalDate first =
        request.from() != null ? request.from() : firstDay(data, request.zone());
    java.time.LocalDate last = request.to() != null ? request.to() : lastDay(data, request.zone());
    List<MetricRow> months = new ArrayList<>();
    if (first == null || last == null) {
      return months;
    }
    java.time.YearMonth month = java.time.YearMonth.from(first);
    java.time.YearMonth end = java.time.YearMonth.from(last);
    for (; !month.isAfter(end); month = month.plusMonths(1)) {
      java.time.LocalDate from = month.atDay(1).isBefore(first) ? first : month.atDay(1);
      java.time.LocalDate to = month.atEndOfMonth().isAfter(last) ? last : month.atEndOfMonth();
      MetricRow totals = compute(data, request.withPeriod(from, to)).totals();
      months.add(withKey(totals, month.toString()));
    }
    return months;
  }

  private static java.time.LocalDate firstDay(Dataset data, java.time.ZoneId zone) {
    long day = Long.MAX_VALUE;
    for (int s = 0; s < data.spendCount(); s++) {
      day = Math.min(day, data.spendDay()[s]);
    }
    for (int l = 0; l < data.leadCount(); l++) {
      day = Math.min(day, epochDay(data.leadCreated()[l], zone));
    }
    for (int d = 0; d < data.dealCount(); d++) {
      day = Math.min(day, epochDay(data.dealCreated()[d], zone));
    }
    return day == Long.MAX_VALUE ? null : java.time.LocalDate.ofEpochDay(day);
  }

  private static java.time.LocalDate lastDay(Dataset data, java.time.ZoneId zone) {
    long day = Long.MIN_VALUE;
    for (int s = 0; s < data.spendCount(); s++) {
      day = Math.max(day, data.spendDay()[s]);
    }
    for (int l = 0; l < data.leadCount(); l++) {
      day = Math.max(day, epochDay(data.leadCreated()[l], zone));
    }
    for (int d = 0; d < data.dealCount(); d++) {
      long closed = data.dealClosed()[d];
      day =
          Math.max(day, epochDay(closed != Dataset.NO_TIME ? closed : data.dealCreated()[d], zone));
    }
    return day == Long.MIN_VALUE ? null : java.time.LocalDate.ofEpochDay(day);
  }

  private static long epochDay(long epochSecond, java.time.ZoneId zone) {
    return java.time.LocalDate.ofInstant(java.time.Instant.ofEpochSecond(epochSecond), zone)
        .toEpochDay();
  }

  /** The same facts under another key. */
  public static MetricRow withKey(MetricRow row, String key) {
    return new MetricRow(
        key,
        row.spend(),
        row.marketingCost(),
        row.acquisitionCost(),
        row.impressions(),
        row.clicks(),
        row.leads(),
        row.mqls(),
        row.sqls(),
        row.opportunities(),
        row.customers(),
        row.revenue(),
        row.wonAmount(),
        row.lifetimeRevenue(),
        row.goalConversions());
  }

  /** How a row reads its credit from an attribution: by channel id or by campaign id. */
  private interface CreditedCount {
    double of(Attribution attribution, int id);
  }

  private interface CreditedValue {
    long of(Attribution attribution, int id, ValueKind kind);
  }

  /**
   * A row of spend and costs ({@code spend, marketing, acquisition}) and the credit of {@code id}.
   */
  private static MetricRow credited(
      String key,
      long[] costs,
      long impressions,
      long clicks,
      Map<Goal, Attribution> byStage,
      Goal goal,
      CreditedCount count,
      CreditedValue value,
      int id) {
    Attribution won = byStage.get(Goal.WON);
    return new MetricRow(
        key,
        costs[0],
        costs[1],
        costs[2],
        impressions,
        clicks,
        count.of(byStage.get(Goal.LEAD), id),
        count.of(byStage.get(Goal.MQL), id),
        count.of(byStage.get(Goal.SQL), id),
        count.of(byStage.get(Goal.OPPORTUNITY), id),
        count.of(won, id),
        value.of(won, id, ValueKind.REVENUE),
        value.of(won, id, ValueKind.AMOUNT),
        value.of(won, id, ValueKind.LIFETIME),
        count.of(byStage.get(goal), id));
  }

  private static boolean isEmpty(MetricRow row) {
    return row.spend() == 0
        && row.acquisitionCost() == 0
        && row.impressions() == 0
        && row.clicks() == 0
        && row.leads() == 0
        && row.mqls() == 0
        && row.sqls() == 0
        && row.opportunities() == 0
        && row.customers() == 0
        && row.revenue() == 0;
  }
}
