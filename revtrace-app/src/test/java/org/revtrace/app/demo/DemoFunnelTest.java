package org.revtrace.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.forecast.ForecastBacktest;
import org.revtrace.core.forecast.ForecastOptions;
import org.revtrace.core.forecast.MonthComparison;
import org.revtrace.core.funnel.Breakdown;
import org.revtrace.core.funnel.FunnelOptions;
import org.revtrace.core.funnel.FunnelReport;
import org.revtrace.core.funnel.FunnelSummary;
import org.revtrace.core.funnel.StageMetrics;
import org.revtrace.core.journey.ChannelPath;
import org.revtrace.core.journey.Engagement;
import org.revtrace.core.journey.EngagementOptions;
import org.revtrace.core.journey.Goal;
import org.revtrace.core.journey.JourneyOptions;
import org.revtrace.core.journey.PathAnalysis;
import org.revtrace.ingest.canonical.CanonicalImporter;
import org.revtrace.ingest.canonical.ImportOptions;

/**
 * The funnel, forecast, engagement and path engines on the default demo data: prints the figures
 * quoted in docs/definitions and checks only loose sanity bounds.
 */
class DemoFunnelTest {

  private static final Instant END = Instant.parse("2026-01-01T00:00:00Z");
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  @TempDir static Path directory;
  static Dataset data;

  @BeforeAll
  static void generate() {
    DemoGenerator.generate(DemoSpec.defaults(), directory);
    data =
        Dataset.of(
            new CanonicalImporter().importFolder(directory, ImportOptions.defaults()).data(),
            "RUB");
  }

  @Test
  void funnelOfTheDemo() {
    FunnelReport report = FunnelReport.compute(data, FunnelOptions.defaults(END));
    FunnelSummary total = report.total();
    for (StageMetrics stage : total.stages()) {
      System.out.printf(
          Locale.ROOT,
          "%-12s reached %6d  from previous %6.1f%%  median %6.2f d  p90 %6.2f d%n",
          stage.stage(),
          stage.reached(),
          100 * stage.fromPrevious().valueOr(0),
          stage.timeInStage().medianDays(),
          stage.timeInStage().p90Days());
    }
    System.out.printf(
        Locale.ROOT,
        "cycle lead→won median %.1f d p90 %.1f d; deal→won median %.1f d; backward moves %d deals;"
            + " stuck %d of %d open%n",
        total.cycleFromLead().medianDays(),
        total.cycleFromLead().p90Days(),
        total.cycleFromDeal().medianDays(),
        total.dealsWithBackwardMoves(),
        total.stuck().count(),
        total.stuck().openDeals());
    System.out.printf(
        Locale.ROOT,
        "response median %d min p90 %d min; within SLA %.1f%%, breach %.1f%% (never %d);"
            + " velocity %d RUB/day (win rate %.1f%%)%n",
        total.response().responseTime().median().toMinutes(),
        total.response().responseTime().p90().toMinutes(),
        100 * total.response().withinSlaShare().valueOr(0),
        100 * total.response().breachRate().valueOr(0),
        total.response().neverResponded(),
        total.velocity().perDay().orElse(0) / 100,
        100 * total.velocity().winRate().valueOr(0));
    for (FunnelSummary channel : report.breakdowns().get(Breakdown.CHANNEL)) {
      System.out.printf(
          Locale.ROOT,
          "  %-16s leads %5d won %4d lead→won %5.1f%%%n",
          channel.segment(),
          channel.stage("lead").reached(),
          channel.stage("won").reached(),
          100 * channel.stage("won").fromFirst().valueOr(0));
    }
    assertThat(report.unmappedStages()).isEmpty();
    assertThat(total.stage("won").reached()).isPositive();
    assertThat(total.stage("lead").reached()).isGreaterThan(total.stage("won").reached());
    assertThat(total.dealsWithBackwardMoves()).isPositive();
    assertThat(total.response().neverResponded()).isPositive();
    assertThat(report.breakdowns().get(Breakdown.TIER)).hasSizeGreaterThan(1);
  }

  @Test
  void forecastBacktestOnTheDemo() {
    for (String cut : new String[] {"2025-04-01", "2025-07-01", "2025-09-01"}) {
      Instant at = java.time.LocalDate.parse(cut).atStartOfDay(MOSCOW).toInstant();
      ForecastBacktest backtest =
          ForecastBacktest.run(data, ForecastOptions.defaults(at, MOSCOW).withHorizonMonths(3));
      System.out.printf(Locale.ROOT, "cut %s%n", cut);
      for (MonthComparison month : backtest.months()) {
        System.out.printf(
            Locale.ROOT,
            "  %s forecast %,12d actual %,12d%n",
            month.month(),
            month.forecast() / 100,
            month.actual() / 100);
      }
      System.out.printf(
          Locale.ROOT,
          "  MAPE %.1f%% WAPE %.1f%% total error %+.1f%%; beyond horizon forecast %,d actual %,d;"
              + " won by new deals %,d%n",
          100 * backtest.meanAbsolutePercentageError().orElse(Double.NaN),
          100 * backtest.weightedAbsolutePercentageError().orElse(Double.NaN),
          100 * backtest.totalError().orElse(Double.NaN),
          backtest.forecastBeyond() / 100,
          backtest.actualBeyond() / 100,
          backtest.wonFromNewDeals() / 100);
      // a loose bound: the forecast is a statistical estimate on a few hundred deals
      assertThat(backtest.weightedAbsolutePercentageError()).isPresent();
      assertThat(backtest.weightedAbsolutePercentageError().getAsDouble()).isLessThan(1.0);
    }
  }

  @Test
  void engagementAndPathsOfTheDemo() {
    Engagement engagement = Engagement.compute(data, EngagementOptions.defaults(END));
    engagement.accounts().stream()
        .limit(3)
        .forEach(
            a ->
                System.out.printf(
                    Locale.ROOT,
                    "engagement %-10s %8.2f (%d touches)%n",
                    a.accountId(),
                    a.score(),
                    a.touches()));
    assertThat(engagement.accounts()).isNotEmpty();
    PathAnalysis paths = PathAnalysis.compute(data, JourneyOptions.of(Goal.WON));
    System.out.printf(
        Locale.ROOT,
        "journeys %d, won %d, paths %d%n",
        paths.journeys(),
        paths.wonJourneys(),
        paths.paths().size());
    for (ChannelPath path : paths.mostCommon(5)) {
      System.out.printf(
          Locale.ROOT,
          "  %-40s won %4d of %6d (%.2f%%) revenue %,d ROI %s%n",
          path.text(),
          path.won(),
          path.journeys(),
          100 * path.conversionRate(),
          path.revenue() / 100,
          path.roi().isPresent()
              ? String.format(Locale.ROOT, "%.2f", path.roi().getAsDouble())
              : "-");
    }
    PathAnalysis lastThree = PathAnalysis.compute(data, JourneyOptions.of(Goal.WON), 3);
    System.out.printf(Locale.ROOT, "last three channels: %d paths%n", lastThree.paths().size());
    for (ChannelPath path : lastThree.mostCommon(5)) {
      System.out.printf(
          Locale.ROOT,
          "  %-40s won %4d of %6d (%.2f%%) revenue/journey %,d ROI %s%n",
          path.text(),
          path.won(),
          path.journeys(),
          100 * path.conversionRate(),
          path.revenuePerJourney() / 100,
          path.roi().isPresent()
              ? String.format(Locale.ROOT, "%.2f", path.roi().getAsDouble())
              : "-");
    }
    for (ChannelPath path : lastThree.highestRoi(3, 3)) {
      System.out.printf(
          Locale.ROOT,
          "  highest ROI %-40s won %d ROI %.2f%n",
          path.text(),
          path.won(),
          path.roi().getAsDouble());
    }
    assertThat(paths.wonJourneys()).isPositive();
    assertThat(paths.paths().stream().mapToLong(ChannelPath::won).sum())
        .isEqualTo(paths.wonJourneys());
  }
}
