package org.revtrace.core.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.revtrace.core.testing.DataBuilder.day;

import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.forecast.ForecastOptions;
import org.revtrace.core.forecast.MonthForecast;
import org.revtrace.core.forecast.PipelineForecast;
import org.revtrace.core.forecast.StageOutlook;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.testing.DataBuilder;

/** Invariants of the funnel and forecast on random CRM data. */
class FunnelProperties {

  private static final String[] CHANNELS = {"seo", "ads", "email"};
  private static final String[] STAGE_NAMES = {
    "sql", "Meeting", "proposal", "negotiation", "won", "lost", "discovery"
  };

  /** One lead, its deal and stage history; {@code key} codes channel (key % 3) and account. */
  record Row(
      int key,
      int created,
      int mqlAfter,
      int responseAfter,
      int deal,
      List<Integer> stages,
      List<Integer> stageDays,
      int amount) {}

  @Provide
  Arbitrary<List<Row>> rows() {
    Arbitrary<Row> row =
        Combinators.combine(
                Arbitraries.integers().between(0, CHANNELS.length * 4 - 1),
                Arbitraries.integers().between(0, 200),
                Arbitraries.integers().between(-1, 10),
                Arbitraries.integers().between(-1, 3),
                Arbitraries.integers().between(-1, 2), // -1 no deal, else a DealStatus ordinal
                Arbitraries.integers().between(0, STAGE_NAMES.length - 1).list().ofMaxSize(5),
                Arbitraries.integers().between(0, 90).list().ofSize(5),
                Arbitraries.integers().between(1, 1_000_000))
            .as(Row::new);
    return row.list().ofMinSize(1).ofMaxSize(30);
  }

  static Dataset data(List<Row> rows) {
    DataBuilder builder = new DataBuilder();
    for (int a = 0; a < 4; a++) {
      builder.account("acc" + a, "industry" + a % 2, "size", "region" + a % 3, a < 2 ? "A" : "B");
    }
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      int channel = row.key() % CHANNELS.length;
      String account = "acc" + row.key() / CHANNELS.length;
      double mql = row.mqlAfter() < 0 ? -1 : row.created() + row.mqlAfter();
      double response = row.responseAfter() < 0 ? -1 : row.created() + row.responseAfter() / 24.0;
      builder.crmLead("L" + r, CHANNELS[channel], account, row.created(), mql, -1, response);
      if (row.deal() >= 0) {
        DealStatus status = DealStatus.values()[row.deal()];
        int created = row.created() + 1;
        double closed = status == DealStatus.OPEN ? -1 : created + 100;
        builder.crmDeal(
            "D" + r,
            "L" + r,
            account,
            created,
            status,
            closed,
            row.amount() + ".00",
            "p" + channel);
        for (int s = 0; s < row.stages().size(); s++) {
          builder.stage(
              "D" + r, STAGE_NAMES[row.stages().get(s)], created + row.stageDays().get(s));
        }
      }
    }
    return Dataset.of(builder.build(), "RUB");
  }

  @Property(tries = 200)
  void countsNeverGrowDownTheFunnelAndBreakdownsAddUp(@ForAll("rows") List<Row> rows) {
    FunnelReport report = FunnelReport.compute(data(rows), FunnelOptions.defaults(day(150)));
    List<StageMetrics> stages = report.total().stages();
    long dropped = 0;
    for (int s = 0; s < stages.size(); s++) {
      if (s > 0) {
        assertThat(stages.get(s).reached()).isLessThanOrEqualTo(stages.get(s - 1).reached());
      }
      dropped += stages.get(s).dropOff();
      DurationStats time = stages.get(s).timeInStage();
      if (time.count() > 0) {
        assertThat(time.median()).isLessThanOrEqualTo(time.p90());
        assertThat(time.median().isNegative()).isFalse();
      }
    }
    assertThat(dropped)
        .isEqualTo(stages.get(0).reached() - stages.get(stages.size() - 1).reached());
    for (Breakdown breakdown : Breakdown.values()) {
      List<FunnelSummary> parts = report.breakdowns().get(breakdown);
      for (int s = 0; s < stages.size(); s++) {
        int stage = s;
        assertThat(parts.stream().mapToLong(p -> p.stages().get(stage).reached()).sum())
            .isEqualTo(stages.get(s).reached());
      }
      assertThat(parts.stream().mapToLong(p -> p.stuck().count()).sum())
          .isEqualTo(report.total().stuck().count());
      assertThat(parts.stream().mapToLong(p -> p.response().due()).sum())
          .isEqualTo(report.total().response().due());
      assertThat(parts.stream().mapToLong(p -> p.velocity().openDeals()).sum())
          .isEqualTo(report.total().velocity().openDeals());
    }
  }

  @Property(tries = 200)
  void forecastSpreadsNoMoreThanTheOpenPipeline(@ForAll("rows") List<Row> rows) {
    Dataset data = data(rows);
    PipelineForecast forecast =
        PipelineForecast.compute(data, ForecastOptions.defaults(day(150), ZoneOffset.UTC));
    long byStage = forecast.stages().stream().mapToLong(StageOutlook::expected).sum();
    long byMonth =
        forecast.months().stream().mapToLong(MonthForecast::expected).sum()
            + forecast.beyondHorizon();
    // each side is rounded per bucket: at most half a kopeck per bucket apart
    assertThat(Math.abs(byStage - byMonth))
        .isLessThanOrEqualTo(forecast.stages().size() + forecast.months().size() + 1L);
    for (StageOutlook stage : forecast.stages()) {
      assertThat(stage.expected()).isBetween(0L, stage.openAmount());
    }
  }
}
