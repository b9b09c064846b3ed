package org.revtrace.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.revtrace.core.testing.DataBuilder.day;

import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.funnel.Ratio;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.testing.DataBuilder;

/**
 * The worked example of docs/definitions/forecast.md: four deals closed before the cut on
 * 2025-03-01 (day 59), four open at it, one created after it.
 */
class PipelineForecastTest {

  private static final Dataset DATA =
      Dataset.of(
          new DataBuilder()
              // history
              .crmDeal("H1", null, null, 0, DealStatus.WON, 20, "10.00", null)
              .stage("H1", "proposal", 10)
              .crmDeal("H2", null, null, 0, DealStatus.WON, 35, "10.00", null)
              .stage("H2", "proposal", 5)
              .crmDeal("H3", null, null, 0, DealStatus.LOST, 15, "10.00", null)
              .stage("H3", "proposal", 5)
              .crmDeal("H4", null, null, 0, DealStatus.LOST, 8, "10.00", null)
              // open at the cut; what happened to them later is hidden from the forecast
              .crmDeal("O1", null, null, 50, DealStatus.WON, 70, "300.00", null)
              .stage("O1", "proposal", 55)
              .stage("O1", "won", 70)
              .crmDeal("O2", null, null, 40, DealStatus.LOST, 80, "100.00", null)
              .crmDeal("O3", null, null, 58, DealStatus.WON, 95, "1000.00", null)
              .crmDeal("O4", null, null, 0, DealStatus.OPEN, -1, "40.00", null)
              .stage("O4", "meeting", 2)
              // new pipeline after the cut
              .crmDeal("N1", null, null, 70, DealStatus.WON, 80, "50.00", null)
              .build(),
          "RUB");

  private static final ForecastOptions OPTIONS =
      ForecastOptions.defaults(day(59), ZoneOffset.UTC).withHorizonMonths(3);

  @Test
  void stageWinRatesAndTimesToCloseComeFromDealsClosedByTheCut() {
    PipelineForecast forecast = PipelineForecast.compute(DATA, OPTIONS);
    StageOutlook sql = forecast.stages().get(2);
    assertThat(sql.winRate()).isEqualTo(new Ratio(2, 4));
    assertThat(sql.timeToClose().count()).isEqualTo(2);
    assertThat(sql.openDeals()).isEqualTo(2);
    assertThat(sql.openAmount()).isEqualTo(110_000);
    assertThat(sql.expected()).isEqualTo(55_000);
    StageOutlook proposal = forecast.stages().get(4);
    assertThat(proposal.winRate()).isEqualTo(new Ratio(2, 3));
    assertThat(proposal.expected()).isEqualTo(20_000);
    assertThat(forecast.stages().get(3).winRate()).isEqualTo(new Ratio(0, 0));
  }

  @Test
  void expectedRevenueIsSpreadByTheRemainingTimeToClose() {
    PipelineForecast forecast = PipelineForecast.compute(DATA, OPTIONS);
    // March: O1 2/3 × 300 + O2 1/2 × 100 + O3 half of 1/2 × 1000 + O4 overdue 1/2 × 40
    assertThat(forecast.months())
        .containsExactly(
            new MonthForecast(YearMonth.of(2025, 3), 52_000),
            new MonthForecast(YearMonth.of(2025, 4), 25_000),
            new MonthForecast(YearMonth.of(2025, 5), 0));
    assertThat(forecast.beyondHorizon()).isZero();
    assertThat(forecast.expectedInHorizon()).isEqualTo(77_000);
  }

  @Test
  void backtestComparesWithWhatTheOpenDealsReallyWon() {
    ForecastBacktest backtest = ForecastBacktest.run(DATA, OPTIONS);
    assertThat(backtest.months())
        .containsExactly(
            new MonthComparison(YearMonth.of(2025, 3), 52_000, 30_000),
            new MonthComparison(YearMonth.of(2025, 4), 25_000, 100_000),
            new MonthComparison(YearMonth.of(2025, 5), 0, 0));
    assertThat(backtest.wonFromNewDeals()).isEqualTo(5_000);
    // (220/300 + 750/1000) / 2 and (220 + 750) / 1300
    assertThat(backtest.meanAbsolutePercentageError().getAsDouble())
        .isCloseTo((220.0 / 300 + 0.75) / 2, within(1e-9));
    assertThat(backtest.weightedAbsolutePercentageError().getAsDouble())
        .isCloseTo(970.0 / 1300, within(1e-9));
  }

  @Test
  void longCyclesStillOpenAtTheCutWeighMoreThroughCensoringWeights() {
    // cut day 40: won after 10 and 30 days; D3 still open at age 20 is censored between them,
    // so G(30−) = 1 − 1/2 and the 30-day sample weighs 2 against 1
    Dataset data =
        Dataset.of(
            new DataBuilder()
                .crmDeal("W1", null, null, 0, DealStatus.WON, 10, "10.00", null)
                .crmDeal("W2", null, null, 0, DealStatus.WON, 30, "10.00", null)
                .crmDeal("D3", null, null, 20, DealStatus.OPEN, -1, "90.00", null)
                .crmDeal("D4", null, null, 35, DealStatus.OPEN, -1, "300.00", null)
                .build(),
            "RUB");
    PipelineForecast forecast =
        PipelineForecast.compute(
            data, ForecastOptions.defaults(day(40), ZoneOffset.UTC).withHorizonMonths(2));
    // D3 (age 20): only the 30-day sample is left → day 50, February; D4 (age 5): day 45 with
    // weight 1/3 (February), day 65 with weight 2/3 (March)
    assertThat(forecast.months())
        .containsExactly(
            new MonthForecast(YearMonth.of(2025, 2), 19_000),
            new MonthForecast(YearMonth.of(2025, 3), 20_000));
  }
}
