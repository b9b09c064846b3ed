package org.revtrace.core.recommend;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.revtrace.core.attribution.Attribution;
import org.revtrace.core.attribution.AttributionModel;
import org.revtrace.core.attribution.AttributionModels;
import org.revtrace.core.attribution.HalfLife;
import org.revtrace.core.attribution.ModelName;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.dataset.Dimension;
import org.revtrace.core.forecast.ForecastOptions;
import org.revtrace.core.forecast.PipelineForecast;
import org.revtrace.core.journey.Goal;
import org.revtrace.core.journey.JourneyBuilder;
import org.revtrace.core.journey.Journeys;
import org.revtrace.core.journey.ValueKind;
import org.revtrace.core.metric.ChannelReport;
import org.revtrace.core.metric.MetricRow;
import org.revtrace.core.metric.Report;
import org.revtrace.core.metric.ReportRequest;
import org.revtrace.core.model.DealStatus;

/**
 * Rates every channel (or campaign) SCALE / OPTIMISE / CUT / NOT_ENOUGH_DATA and reallocates the
 * monthly budget by marginal ROMI (docs/definitions/recommendations.md).
 *
 * <p>Everything is credited by the request's attribution model: the channel report gives cost,
 * revenue, customers, leads and LTV:CAC; a bootstrap of the won journeys gives the revenue
 * interval; the deals created in the period and open at {@code settings.asOf()} give the pipeline,
 * each worth its amount × the win probability of its stage ({@link
 * PipelineForecast#expectedOpenValue}). The response curves are fitted per unit on the calendar
 * months of the period (in the request's zone): cost of the month against the credited value of the
 * opportunities created in it (won revenue, or expected value while open). The result depends only
 * on the data, the request and the settings.
 */
public final class Recommendations {

  private Recommendations() {}

  /** The recommendations for {@code request}'s period and model; the dimension must be channel. */
  public static RecommendationReport compute(
      Dataset data, ReportRequest request, RecommendSettings settings) {
    if (request.dimension() != Dimension.CHANNEL) {
      throw new IllegalArgumentException(
          "recommendations are by channel, not " + request.dimension());
    }
    UnitLevel level = settings.level();
    Report report = ChannelReport.compute(data, request);
    List<Unit> units = units(data, report, level);

    AttributionModel model =
        AttributionModels.create(
            request.model(), request.settings(), HalfLife.fromSalesCycle(data));
    boolean nullPaths = request.settings().needsNonConverting(request.model());
    Journeys won = JourneyBuilder.build(data, request.journeyOptions(Goal.WON, nullPaths));
    double[][] intervals = RevenueBootstrap.intervals(model, won, level, settings);

    long[] open =
        PipelineForecast.expectedOpenValue(
            data, ForecastOptions.defaults(settings.asOf(), request.zone()));
    Journeys opportunities =
        JourneyBuilder.build(data, request.journeyOptions(Goal.OPPORTUNITY, nullPaths));
    int[] deal = opportunities.subject();
    Attribution pipeline =
        model.attribute(
            opportunities.withValues(ValueKind.REVENUE, j -> deal[j] >= 0 ? open[deal[j]] : 0));

    MetricRow totals = report.totals();
    double averageRate = totals.leads() > 0 ? totals.customers() / totals.leads() : 0;
    List<Rating> ratings = new ArrayList<>();
    for (Unit unit : units) {
      MetricRow row = unit.row();
      UnitFacts facts =
          new UnitFacts(
              unit.key(),
              row.marketingCost(),
              row.revenue(),
              intervals.length > unit.id() ? intervals[unit.id()][0] : 0,
              intervals.length > unit.id() ? intervals[unit.id()][1] : 0,
              row.customers(),
              row.leads(),
              row.ltvToCac(),
              value(pipeline, level, unit.id()));
      ratings.add(RatingRules.rate(facts, averageRate, settings, data.currency()));
    }

    List<CurvePoint>[] points =
        monthlyPoints(data, request, settings, units, model, opportunities, open);
    List<CurveFit> curves = new ArrayList<>();
    List<Reallocation.Unit> moving = new ArrayList<>();
    List<String> frozen = new ArrayList<>();
    long totalBudget = 0;
    SplittableRandom seeds = new SplittableRandom(settings.seed());
    for (int u = 0; u < units.size(); u++) {
      Unit unit = units.get(u);
      long seed = seeds.nextLong();
      if (unit.row().marketingCost() == 0) {
        continue;
      }
      CurveFitting.Fitted fitted = CurveFitting.fit(unit.key(), points[u], settings, seed);
      CurveFit fit = fitted.fit();
      curves.add(fit);
      totalBudget = Math.addExact(totalBudget, fit.currentBudget());
      if (fit.status() == FitStatus.FITTED && fit.currentBudget() > 0) {
        moving.add(
            new Reallocation.Unit(
                unit.key(), fit.curve(), fit.currentBudget(), fitted.replicates()));
      } else {
        frozen.add(unit.key());
      }
    }
    ReallocationPlan plan = Reallocation.plan(moving, frozen, totalBudget, settings);
    return new RecommendationReport(
        data.currency(),
        request.model().code(),
        request.goal().code(),
        request.from(),
        request.to(),
        settings,
        ratings,
        curves,
        plan);
  }

  /** A rated unit: its key, its channel or campaign id, and its report row. */
  private record Unit(String key, int id, MetricRow row) {}

  private static List<Unit> units(Dataset data, Report report, UnitLevel level) {
    List<Unit> units = new ArrayList<>();
    switch (level) {
      case CHANNEL -> {
        for (MetricRow row : report.channels()) {
          units.add(new Unit(row.key(), data.channels().find(row.key()), row));
        }
      }
      case CAMPAIGN -> {
        for (Map.Entry<String, List<MetricRow>> channel : report.campaignsByChannel().entrySet()) {
          for (MetricRow row : channel.getValue()) {
            int id = data.campaigns().find(channel.getKey() + '\u001f' + row.key());
            units.add(new Unit(channel.getKey() + " / " + row.key(), id, row));
          }
        }
      }
    }
    units.sort(Comparator.comparing(Unit::key));
    return units;
  }

  private static long value(Attribution credit, UnitLevel level, int id) {
    return switch (level) {
      case CHANNEL -> credit.channelValue(id, ValueKind.REVENUE);
      case CAMPAIGN -> credit.campaignValue(id, ValueKind.REVENUE);
    };
  }

  /**
   * Per unit, one point per calendar month of the period: the month's cost (channel report with the
   * period cut to the month; costs do not depend on the model, so it is run with linear
   * attribution) and the credited value of the opportunities created in the month.
   */
  @SuppressWarnings("unchecked")
  private static List<CurvePoint>[] monthlyPoints(
      Dataset data,
      ReportRequest request,
      RecommendSettings settings,
      List<Unit> units,
      AttributionModel model,
      Journeys opportunities,
      long[] open) {
    List<CurvePoint>[] points = new List[units.size()];
    for (int u = 0; u < units.size(); u++) {
      points[u] = new ArrayList<>();
    }
    LocalDate first = request.from() != null ? request.from() : firstDay(data, request.zone());
    LocalDate last =
        request.to() != null
            ? request.to()
            : LocalDate.ofInstant(settings.asOf().minusSeconds(1), request.zone());
    if (first == null || last.isBefore(first)) {
      return points;
    }
    long asOf = settings.asOf().getEpochSecond();
    byte wonStatus = (byte) DealStatus.WON.ordinal();
    int[] deal = opportunities.subject();
    Journeys valued =
        opportunities.withValues(
            ValueKind.REVENUE,
            j -> {
              int d = deal[j];
              if (d < 0) {
                return 0;
              }
              boolean wonByThen =
                  data.dealStatus()[d] == wonStatus
                      && data.dealClosed()[d] != Dataset.NO_TIME
                      && data.dealClosed()[d] <= asOf;
              return wonByThen ? data.dealRevenue()[d] : open[d];
            });
    ReportRequest costs = request.withModel(ModelName.LINEAR);
    ZoneId zone = request.zone();
    for (YearMonth month = YearMonth.from(first);
        !month.isAfter(YearMonth.from(last));
        month = month.plusMonths(1)) {
      LocalDate from = month.atDay(1).isBefore(first) ? first : month.atDay(1);
      LocalDate to = month.atEndOfMonth().isAfter(last) ? last : month.atEndOfMonth();
      Report monthReport = ChannelReport.compute(data, costs.withPeriod(from, to));
      long start = from.atStartOfDay(zone).toEpochSecond();
      long end = to.plusDays(1).atStartOfDay(zone).toEpochSecond();
      Journeys inMonth = valued.select(j -> endsIn(valued, j, start, end));
      Attribution credit = model.attribute(inMonth);
      for (int u = 0; u < units.size(); u++) {
        Unit unit = units.get(u);
        long cost = cost(monthReport, unit, settings.level());
        long value = inMonth.size() == 0 ? 0 : value(credit, settings.level(), unit.id());
        points[u].add(new CurvePoint(month.toString(), cost, value));
      }
    }
    return points;
  }

  /** Whether journey j converts (or, not converting, has its last touch) in [start, end). */
  private static boolean endsIn(Journeys journeys, int j, long start, long end) {
    long at;
    if (journeys.converted()[j]) {
      at = journeys.conversionTime()[j];
    } else {
      int last = journeys.start()[j + 1] - 1;
      if (last < journeys.start()[j]) {
        return false;
      }
      at = journeys.time()[last];
    }
    return at >= start && at < end;
  }

  private static long cost(Report month, Unit unit, UnitLevel level) {
    return switch (level) {
      case CHANNEL ->
          month.channels().stream()
              .filter(row -> row.key().equals(unit.key()))
              .mapToLong(MetricRow::marketingCost)
              .sum();
      case CAMPAIGN -> {
        int slash = unit.key().indexOf(" / ");
        String channel = unit.key().substring(0, slash);
        String campaign = unit.key().substring(slash + 3);
        yield month.campaignsByChannel().getOrDefault(channel, List.of()).stream()
            .filter(row -> row.key().equals(campaign))
            .mapToLong(MetricRow::marketingCost)
            .sum();
      }
    };
  }

  private static LocalDate firstDay(Dataset data, ZoneId zone) {
    long day = Long.MAX_VALUE;
    for (int s = 0; s < data.spendCount(); s++) {
      day = Math.min(day, data.spendDay()[s]);
    }
    for (int d = 0; d < data.dealCount(); d++) {
      day =
          Math.min(
              day,
              LocalDate.ofInstant(Instant.ofEpochSecond(data.dealCreated()[d]), zone).toEpochDay());
    }
    return day == Long.MAX_VALUE ? null : LocalDate.ofEpochDay(day);
  }
}
