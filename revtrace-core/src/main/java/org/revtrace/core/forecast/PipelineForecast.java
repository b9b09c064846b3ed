package org.revtrace.core.forecast;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.funnel.DurationStats;
import org.revtrace.core.funnel.FunnelStages;
import org.revtrace.core.funnel.Ratio;

/**
 * Expected revenue by close month from the open pipeline, using stage win rates and measured time
 * to close.
 *
 * <p>Method (docs/definitions/forecast.md): history is the deals closed by "as of". For stage s,
 * the win rate p(s) is won ÷ closed among the deals that were ever in s, and the time-to-close
 * sample is {close − first entry into s} over the won ones. An open deal of amount A that entered
 * its stage s at e, with age a = asOf − e, is expected to bring p(s) × A, spread evenly over the
 * dates e + t for the samples t &gt; a (the time to close conditioned on not having closed yet). A
 * deal older than every sample is overdue: its expected value goes to the first month. A stage with
 * no closed history borrows the opportunity stage's rate and sample.
 *
 * @param currency the report currency
 * @param asOf the forecast instant
 * @param stages per funnel stage (except won) history and open pipeline
 * @param months the horizon, first month = the month of "as of"
 * @param beyondHorizon expected revenue expected to close after the horizon
 */
public record PipelineForecast(
    String currency,
    Instant asOf,
    List<StageOutlook> stages,
    List<MonthForecast> months,
    long beyondHorizon) {

  public PipelineForecast {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(asOf, "asOf");
    stages = List.copyOf(stages);
    months = List.copyOf(months);
  }

  /** Forecasts the open pipeline of {@code data} as of {@code options.asOf()}. */
  public static PipelineForecast compute(Dataset data, ForecastOptions options) {
    FunnelStages stages = FunnelStages.resolve(data, options.funnel());
    long cut = options.asOf().getEpochSecond();
    PipelineAsOf pipeline = new PipelineAsOf(data, stages, cut);
    int stageCount = stages.won();
    Ratio[] rates = new Ratio[stageCount];
    long[][] samples = new long[stageCount][];
    double[][] weights = new double[stageCount][];
    for (int s = 0; s < stageCount; s++) {
      rates[s] = winRate(data, pipeline, s);
      samples[s] = timesToClose(data, pipeline, s);
      weights[s] = CensoringWeights.of(data, pipeline, s, cut, samples[s]);
    }
    ZoneId zone = options.zone();
    YearMonth first = YearMonth.from(options.asOf().atZone(zone));
    double[] byMonth = new double[options.horizonMonths() + 1]; // last slot: beyond the horizon
    double[] byStage = new double[stageCount];
    long[] openDeals = new long[stageCount];
    long[] openAmount = new long[stageCount];
    for (int d = 0; d < data.dealCount(); d++) {
      int s = pipeline.openStage[d];
      if (s == PipelineAsOf.NOT_OPEN) {
        continue;
      }
      openDeals[s]++;
      openAmount[s] = Math.addExact(openAmount[s], data.dealAmount()[d]);
      int source = rates[s].denominator() > 0 ? s : stages.opportunity();
      double expected = rates[source].valueOr(0) * data.dealAmount()[d];
      byStage[s] += expected;
      spread(
          expected,
          pipeline.openSince[d],
          cut,
          samples[source],
          weights[source],
          first,
          zone,
          byMonth);
    }
    List<StageOutlook> outlooks = new ArrayList<>(stageCount);
    for (int s = 0; s < stageCount; s++) {
      long[] sample = samples[s].clone();
      outlooks.add(
          new StageOutlook(
              stages.name(s),
              rates[s],
              DurationStats.ofSeconds(sample, sample.length),
              openDeals[s],
              openAmount[s],
              Math.round(byStage[s])));
    }
    List<MonthForecast> months = new ArrayList<>(options.horizonMonths());
    for (int m = 0; m < options.horizonMonths(); m++) {
      months.add(new MonthForecast(first.plusMonths(m), Math.round(byMonth[m])));
    }
    return new PipelineForecast(
        data.currency(),
        options.asOf(),
        outlooks,
        months,
        Math.round(byMonth[options.horizonMonths()]));
  }

  /**
   * Each deal's expected revenue while open at {@code asOf}, in minor units, by the same win rates
   * as {@link #compute}: p(its stage then) × amount, rounded; 0 for a deal closed by then or not
   * yet created. The forecast's horizon and zone do not matter here.
   */
  public static long[] expectedOpenValue(Dataset data, ForecastOptions options) {
    FunnelStages stages = FunnelStages.resolve(data, options.funnel());
    long cut = options.asOf().getEpochSecond();
    PipelineAsOf pipeline = new PipelineAsOf(data, stages, cut);
    Ratio[] rates = new Ratio[stages.won()];
    for (int s = 0; s < rates.length; s++) {
      rates[s] = winRate(data, pipeline, s);
    }
    long[] expected = new long[data.dealCount()];
    for (int d = 0; d < expected.length; d++) {
      int s = pipeline.openStage[d];
      if (s != PipelineAsOf.NOT_OPEN) {
        int source = rates[s].denominator() > 0 ? s : stages.opportunity();
        expected[d] = Math.round(rates[source].valueOr(0) * data.dealAmount()[d]);
      }
    }
    return expected;
  }

  /** Total expected revenue inside the horizon. */
  public long expectedInHorizon() {
    return months.stream().mapToLong(MonthForecast::expected).sum();
  }

  private static Ratio winRate(Dataset data, PipelineAsOf pipeline, int stage) {
    long won = 0;
    long closed = 0;
    for (int d = 0; d < data.dealCount(); d++) {
      if (pipeline.closed[d] && pipeline.firstEntry[stage][d] != Dataset.NO_TIME) {
        closed++;
        if (pipeline.won[d]) {
          won++;
        }
      }
    }
    return new Ratio(won, closed);
  }

  /** Sorted times from first entry into the stage to the win, over deals won by the cut. */
  private static long[] timesToClose(Dataset data, PipelineAsOf pipeline, int stage) {
    long[] out = new long[data.dealCount()];
    int n = 0;
    for (int d = 0; d < data.dealCount(); d++) {
      long entered = pipeline.firstEntry[stage][d];
      if (pipeline.won[d] && entered != Dataset.NO_TIME) {
        out[n++] = Math.max(0, data.dealClosed()[d] - entered);
      }
    }
    long[] sample = Arrays.copyOf(out, n);
    Arrays.sort(sample);
    return sample;
  }

  private static void spread(
      double expected,
      long since,
      long cut,
      long[] sample,
      double[] weight,
      YearMonth first,
      ZoneId zone,
      double[] byMonth) {
    long age = cut - since;
    int from = upperBound(sample, age);
    int remaining = sample.length - from;
    if (remaining == 0) {
      byMonth[0] += expected;
      return;
    }
    double total = 0;
    for (int i = from; i < sample.length; i++) {
      total += weight[i];
    }
    int beyond = byMonth.length - 1;
    for (int i = from; i < sample.length; i++) {
      double share = expected * weight[i] / total;
      YearMonth month = YearMonth.from(Instant.ofEpochSecond(since + sample[i]).atZone(zone));
      long offset = first.until(month, ChronoUnit.MONTHS);
      byMonth[(int) Math.min(Math.max(offset, 0), beyond)] += share;
    }
  }

  /** The first index whose value is greater than {@code key}. */
  private static int upperBound(long[] sorted, long key) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] <= key) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
