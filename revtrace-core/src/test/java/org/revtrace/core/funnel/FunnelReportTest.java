package org.revtrace.core.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.revtrace.core.testing.DataBuilder.day;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.testing.DataBuilder;

/**
 * The worked example of docs/definitions/funnel.md: six leads, three of them with deals, and one
 * deal without a lead, as of day 100.
 */
class FunnelReportTest {

  private static final Dataset DATA =
      Dataset.of(
          new DataBuilder()
              .account("acme", "retail", "51-200", "Moscow", "A")
              .account("beta", "saas", "11-50", "Kazan", "B")
              .crmLead("L1", "seo", "acme", 0, 1, 2, 0.5 / 24)
              .crmLead("L2", "seo", "acme", 0, 2, 4, 2.0 / 24)
              .crmLead("L3", "ads", "beta", 10, 11, -1, -1)
              .crmLead("L4", "ads", "beta", 10, -1, -1, 10 + 10.0 / 1440)
              .crmLead("L5", "ads", "beta", 20, 21, 22, 20.25)
              .crmLead("L6", "ads", "beta", 99.99, -1, -1, -1)
              .crmDeal("D1", "L1", "acme", 2, DealStatus.WON, 30, "1000.00", "crm")
              .stage("D1", "sql", 2)
              .stage("D1", "Meeting", 5)
              .stage("D1", "proposal", 10)
              .stage("D1", "negotiation", 20)
              .stage("D1", "Won", 30)
              .crmDeal("D2", "L2", "acme", 4, DealStatus.OPEN, -1, "500.00", "crm")
              .stage("D2", "sql", 4)
              .stage("D2", "proposal", 14)
              .stage("D2", "meeting", 16)
              .crmDeal("D3", "L5", "beta", 22, DealStatus.LOST, 40, "2000.00", "bi")
              .stage("D3", "sql", 22)
              .stage("D3", "meeting", 25)
              .stage("D3", "Discovery", 26)
              .stage("D3", "lost", 40)
              .crmDeal("D4", null, "acme", 50, DealStatus.OPEN, -1, "3000.00", "bi")
              .stage("D4", "proposal", 90)
              .build(),
          "RUB");

  private static final FunnelReport REPORT =
      FunnelReport.compute(DATA, FunnelOptions.defaults(day(100)));

  private static Duration days(double days) {
    return Duration.ofSeconds(Math.round(days * 86_400));
  }

  @Test
  void reachedCountsCountSkippedStagesAsPassed() {
    List<Long> reached = REPORT.total().stages().stream().map(StageMetrics::reached).toList();
    assertThat(reached).containsExactly(7L, 5L, 4L, 4L, 3L, 1L, 1L);
    assertThat(REPORT.total().lost()).isEqualTo(1);
    assertThat(REPORT.unmappedStages()).containsExactly("Discovery");
  }

  @Test
  void conversionsAndDropOff() {
    FunnelSummary total = REPORT.total();
    assertThat(total.stage("mql").fromPrevious()).isEqualTo(new Ratio(5, 7));
    assertThat(total.stage("proposal").fromPrevious()).isEqualTo(new Ratio(3, 4));
    assertThat(total.stage("won").fromFirst()).isEqualTo(new Ratio(1, 7));
    assertThat(total.stages().stream().map(StageMetrics::dropOff).toList())
        .containsExactly(2L, 1L, 0L, 1L, 2L, 0L, 0L);
    assertThat(total.stage("proposal").dropOffRate()).isEqualTo(new Ratio(2, 3));
  }

  @Test
  void timeInStageIsTheInterpolatedOrderStatistic() {
    FunnelSummary total = REPORT.total();
    // lead: 1, 2, 1, 1 days → sorted 1, 1, 1, 2; P90 at h = 2.7 → 1 + 0.7 × 1
    assertThat(total.stage("lead").timeInStage())
        .isEqualTo(new DurationStats(4, days(1), days(1.7), days(1.25)));
    // sql: 3, 10 (D2 skipped meeting: sql → proposal), 3, 40 → median 6.5, P90 10 + 0.7 × 30
    assertThat(total.stage("sql").timeInStage().median()).isEqualTo(days(6.5));
    assertThat(total.stage("sql").timeInStage().p90()).isEqualTo(days(31));
    // meeting: only D1 moved on (D2 came back to meeting, D3 was lost there)
    assertThat(total.stage("meeting").timeInStage().count()).isEqualTo(1);
    assertThat(total.stage("won").timeInStage()).isEqualTo(DurationStats.EMPTY);
  }

  @Test
  void salesCycleBackwardMovesAndStuckDeals() {
    FunnelSummary total = REPORT.total();
    assertThat(total.cycleFromLead().median()).isEqualTo(days(30));
    assertThat(total.cycleFromDeal().median()).isEqualTo(days(28));
    assertThat(total.dealsWithBackwardMoves()).isEqualTo(1);
    assertThat(total.backwardMoves()).containsExactly(new BackwardMove("proposal", "meeting", 1));
    assertThat(total.stuck().openDeals()).isEqualTo(2);
    assertThat(total.stuck().deals()).containsExactly(new StuckDeal("D2", "meeting", day(16), 84));
    assertThat(total.stuck().share()).isEqualTo(new Ratio(1, 2));
  }

  @Test
  void leadResponseAgainstTheOneHourSla() {
    LeadResponse response = REPORT.total().response();
    assertThat(response)
        .extracting(
            LeadResponse::withinSla,
            LeadResponse::late,
            LeadResponse::neverResponded,
            LeadResponse::pending)
        .containsExactly(2L, 2L, 1L, 1L);
    assertThat(response.breachRate()).isEqualTo(new Ratio(3, 5));
    assertThat(response.neverRespondedShare()).isEqualTo(new Ratio(1, 5));
    // 10 min, 30 min, 2 h, 6 h
    assertThat(response.responseTime().median()).isEqualTo(Duration.ofMinutes(75));
    assertThat(response.responseTime().p90()).isEqualTo(Duration.ofMinutes(288));
  }

  @Test
  void pipelineVelocity() {
    PipelineVelocity velocity = REPORT.total().velocity();
    assertThat(velocity.openDeals()).isEqualTo(2);
    assertThat(velocity.winRate()).isEqualTo(new Ratio(1, 2));
    assertThat(velocity.averageDeal()).isEqualTo(100_000);
    assertThat(velocity.averageCycle()).isEqualTo(days(28));
    // 2 × 1/2 × 1 000.00 ÷ 28 days = 35.71 per day
    assertThat(velocity.perDay()).hasValue(3_571);
  }

  @Test
  void splitsByChannelAndSegment() {
    FunnelSummary seo = REPORT.segment(Breakdown.CHANNEL, "seo").orElseThrow();
    assertThat(seo.stage("lead").reached()).isEqualTo(2);
    assertThat(seo.stage("won").reached()).isEqualTo(1);
    FunnelSummary ads = REPORT.segment(Breakdown.CHANNEL, "ads").orElseThrow();
    assertThat(ads.stage("won").reached()).isZero();
    assertThat(ads.response().neverResponded()).isEqualTo(1);
    FunnelSummary tierA = REPORT.segment(Breakdown.TIER, "A").orElseThrow();
    assertThat(tierA.stage("lead").reached()).isEqualTo(3);
    assertThat(tierA.stuck().count()).isEqualTo(1);
    assertThat(tierA.velocity().openDeals()).isEqualTo(2);
    assertThat(REPORT.segment(Breakdown.PRODUCT, FunnelReport.NONE).orElseThrow().stages())
        .first()
        .extracting(StageMetrics::reached)
        .isEqualTo(3L);
    assertThat(REPORT.segment(Breakdown.INDUSTRY, "saas").orElseThrow().lost()).isEqualTo(1);
  }

  @Test
  void stagesAreConfigurableWithAliases() {
    Dataset data =
        Dataset.of(
            new DataBuilder()
                .crmDeal("D1", null, null, 0, DealStatus.OPEN, -1, "10.00", null)
                .stage("D1", "Demo", 3)
                .build(),
            "RUB");
    FunnelOptions options =
        FunnelOptions.defaults(day(10))
            .withStages(List.of("opportunity", "meeting", "won"), "opportunity")
            .withAliases(Map.of("DEMO", "Meeting"));
    FunnelSummary total = FunnelReport.compute(data, options).total();
    assertThat(total.stage("meeting").reached()).isEqualTo(1);
    assertThat(total.stage("opportunity").timeInStage().median()).isEqualTo(days(3));
  }
}
