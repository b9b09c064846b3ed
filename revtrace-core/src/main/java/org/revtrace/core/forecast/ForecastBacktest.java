package org.revtrace.core.forecast;

import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.funnel.FunnelStages;
import org.revtrace.core.model.DealStatus;

/**
 * A back-test of {@link PipelineForecast}: forecast as of a past cut, then compare each month with
 * what the deals open at the cut really won.
 *
 * <p>Only deals open at the cut are compared (deals created later are new pipeline, which a
 * pipeline forecast does not claim to predict; they are reported as {@code wonFromNewDeals}).
 *
 * @param cut the past "as of"
 * @param months forecast and actual per month of the horizon
 * @param forecastBeyond forecast revenue after the horizon
 * @param actualBeyond revenue the cut's open deals really won after the horizon
 * @param wonFromNewDeals revenue won inside the horizon by deals created after the cut
 */
public record ForecastBacktest(
    Instant cut,
    List<MonthComparison> months,
    long forecastBeyond,
    long actualBeyond,
    long wonFromNewDeals) {

  public ForecastBacktest {
    Objects.requireNonNull(cut, "cut");
    months = List.copyOf(months);
  }

  /** Forecasts at {@code options.asOf()} and compares with the data after it. */
  public static ForecastBacktest run(Dataset data, ForecastOptions options) {
    PipelineForecast forecast = PipelineForecast.compute(data, options);
    long cut = options.asOf().getEpochSecond();
    PipelineAsOf pipeline =
        new PipelineAsOf(data, FunnelStages.resolve(data, options.funnel()), cut);
    int horizon = options.horizonMonths();
    YearMonth first = forecast.months().get(0).month();
    long[] actual = new long[horizon + 1];
    long fromNewDeals = 0;
    byte won = (byte) DealStatus.WON.ordinal();
    for (int d = 0; d < data.dealCount(); d++) {
      long closed = data.dealClosed()[d];
      if (data.dealStatus()[d] != won || closed == Dataset.NO_TIME || closed <= cut) {
        continue;
      }
      YearMonth month = YearMonth.from(Instant.ofEpochSecond(closed).atZone(options.zone()));
      long offset = Math.min(first.until(month, ChronoUnit.MONTHS), horizon);
      if (pipeline.openStage[d] != PipelineAsOf.NOT_OPEN) {
        actual[(int) offset] += data.dealAmount()[d];
      } else if (offset < horizon) {
        fromNewDeals += data.dealAmount()[d];
      }
    }
    List<MonthComparison> months = new ArrayList<>(horizon);
    for (int m = 0; m < horizon; m++) {
      months.add(
          new MonthComparison(
              forecast.months().get(m).month(), forecast.months().get(m).expected(), actual[m]));
    }
    return new ForecastBacktest(
        options.asOf(), months, forecast.beyondHorizon(), actual[horizon], fromNewDeals);
  }

  /**
   * Mean absolute percentage error over the months with a non-zero actual: mean of |f − a| ÷ a;
   * empty when no month has revenue.
   */
  public OptionalDouble meanAbsolutePercentageError() {
    double sum = 0;
    int n = 0;
    for (MonthComparison month : months) {
      if (month.actual() > 0) {
        sum += Math.abs(month.forecast() - month.actual()) / (double) month.actual();
        n++;
      }
    }
    return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n);
  }

  /**
   * Weighted absolute percentage error: Σ|f − a| ÷ Σa over the horizon; robust to months with small
   * actuals, which blow up MAPE.
   */
  public OptionalDouble weightedAbsolutePercentageError() {
    long errors = 0;
    long actuals = 0;
    for (MonthComparison month : months) {
      errors += Math.abs(month.forecast() - month.actual());
      actuals += month.actual();
    }
    return actuals == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) errors / actuals);
  }

  /** Forecast total over the horizon ÷ actual total − 1 (the bias of the total). */
  public OptionalDouble totalError() {
    long forecast = months.stream().mapToLong(MonthComparison::forecast).sum();
    long actual = months.stream().mapToLong(MonthComparison::actual).sum();
    return actual == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) forecast / actual - 1);
  }
}
