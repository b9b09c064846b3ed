package org.revtrace.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of every rating branch (docs/definitions/recommendations.md, "Rating"). Money in
 * kopecks: 100_000_00 is 100,000 RUB. The average lead→customer rate is 10%.
 */
class RatingRulesTest {

  private static final RecommendSettings SETTINGS =
      RecommendSettings.defaults(Instant.parse("2025-07-01T00:00:00Z"));
  private static final double AVERAGE = 0.10;

  private static Rating rate(UnitFacts facts) {
    return RatingRules.rate(facts, AVERAGE, SETTINGS, "RUB");
  }

  @Test
  void noCostIsNotRated() {
    Rating rating =
        rate(new UnitFacts("seo", 0, 500_000_00, 400_000_00, 600_000_00, 20, 100, null, 0));
    assertThat(rating.verdict()).isEqualTo(Verdict.NOT_ENOUGH_DATA);
    assertThat(rating.reasons()).extracting(Reason::code).containsExactly(Reason.Code.NO_COST);
    assertThat(rating.romi()).isNull();
  }

  @Test
  void fewCustomersAndFewLeadsAreNotEnoughData() {
    // 4 customers < 5, and 40 leads × 10% = 4 expected < 5: whatever the ROMI, not rated.
    Rating rating = rate(new UnitFacts("habr", 100_000_00, 10_000_00, 0, 30_000_00, 4, 40, 0.2, 0));
    assertThat(rating.verdict()).isEqualTo(Verdict.NOT_ENOUGH_DATA);
    assertThat(rating.reasons().get(0).code()).isEqualTo(Reason.Code.TOO_FEW_CUSTOMERS);
    assertThat(rating.reasons().get(0).text())
        .contains("4.0 customers and 40.0 leads (4.0 customers expected")
        .contains("fewer than 5");
    assertThat(rating.romi()).isCloseTo(-0.9, within(1e-12));
  }

  @Test
  void manyLeadsThatDoNotCloseAreRatedAndCut() {
    // 0 customers but 80 leads × 10% = 8 expected: the silence is evidence. Revenue 0, ROMI −100%
    // at both bounds, no pipeline, no LTV → CUT.
    Rating rating = rate(new UnitFacts("display", 300_000_00, 0, 0, 0, 0, 80, null, 0));
    assertThat(rating.verdict()).isEqualTo(Verdict.CUT);
    assertThat(rating.reasons())
        .extracting(Reason::code)
        .containsExactly(
            Reason.Code.LOSING_AT_UPPER_BOUND,
            Reason.Code.PIPELINE_WEAK,
            Reason.Code.LTV_TO_CAC_LOW);
    assertThat(rating.romiUpper()).isEqualTo(-1.0);
  }

  @Test
  void seed002WorkingAtZeroIsCutWhenTheIntervalIsBelowZero() {
    // Seed 002: spend 300,000, 400 leads, 5 clients, revenue 250,000 → ROMI −16.7%. With an
    // interval 200,000 … 280,000 the upper bound is ROMI −6.7% < 0; pipeline 10,000 lifts it to
    // −13.3% only; LTV:CAC 0.9 < 1.
    Rating rating =
        rate(
            new UnitFacts(
                "vk", 300_000_00, 250_000_00, 200_000_00, 280_000_00, 5, 400, 0.9, 10_000_00));
    assertThat(rating.verdict()).isEqualTo(Verdict.CUT);
    assertThat(rating.romi()).isCloseTo(-1.0 / 6, within(1e-12));
    assertThat(rating.romiUpper()).isCloseTo(-20.0 / 300, within(1e-12));
    assertThat(rating.pipelineWeightedRomi()).isCloseTo(-40.0 / 300, within(1e-12));
    assertThat(rating.leadToCustomer()).isCloseTo(5.0 / 400, within(1e-12));
    assertThat(rating.reasons().get(0).text()).contains("ROMI -16.7%").contains("-6.7%");
  }

  @Test
  void openPipelineThatPaysBackSavesALosingChannel() {
    // The same channel with 100,000 of open pipeline at its win probabilities: ROMI with the
    // pipeline (250 + 100 − 300) ÷ 300 = +16.7% ≥ 0 → not cut, optimise and wait.
    Rating rating =
        rate(
            new UnitFacts(
                "vk", 300_000_00, 250_000_00, 200_000_00, 280_000_00, 5, 400, 0.9, 100_000_00));
    assertThat(rating.verdict()).isEqualTo(Verdict.OPTIMISE);
    assertThat(rating.reasons()).extracting(Reason::code).contains(Reason.Code.PIPELINE_PAYS_BACK);
  }

  @Test
  void lifetimeValueSavesALosingChannel() {
    // Losing on the period's revenue, but lifetime revenue covers the acquisition cost (LTV:CAC
    // 1.5).
    Rating rating =
        rate(new UnitFacts("vk", 300_000_00, 250_000_00, 200_000_00, 280_000_00, 5, 400, 1.5, 0));
    assertThat(rating.verdict()).isEqualTo(Verdict.OPTIMISE);
    assertThat(rating.reasons())
        .extracting(Reason::code)
        .contains(Reason.Code.LIFETIME_COVERS_COST);
  }

  @Test
  void confidentHighRomiWithHealthyLtvToCacScales() {
    // ROMI 200% ≥ 100%, lower bound (150 − 100) ÷ 100 = 50% > 0, LTV:CAC 3 (seed 001) ≥ 3.
    Rating rating =
        rate(
            new UnitFacts(
                "webinars", 100_000_00, 300_000_00, 150_000_00, 450_000_00, 6, 30, 3.0, 0));
    assertThat(rating.verdict()).isEqualTo(Verdict.SCALE);
    assertThat(rating.reasons())
        .extracting(Reason::code)
        .containsExactly(
            Reason.Code.ROMI_AT_TARGET, Reason.Code.ROMI_CONFIDENT, Reason.Code.LTV_TO_CAC_HEALTHY);
    assertThat(rating.romiLower()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void eachFailedScaleConditionOptimisesWithItsReason() {
    UnitFacts scalable =
        new UnitFacts("u", 100_000_00, 300_000_00, 150_000_00, 450_000_00, 6, 30, 3.0, 0);
    // ROMI 50% < target 100%.
    assertThat(rate(withRevenue(scalable, 150_000_00)).reasons())
        .extracting(Reason::code)
        .contains(Reason.Code.ROMI_BELOW_TARGET);
    // Lower bound 90,000 → ROMI −10%: not confident.
    Rating uncertain =
        rate(new UnitFacts("u", 100_000_00, 300_000_00, 90_000_00, 450_000_00, 6, 30, 3.0, 0));
    assertThat(uncertain.verdict()).isEqualTo(Verdict.OPTIMISE);
    assertThat(uncertain.reasons())
        .extracting(Reason::code)
        .contains(Reason.Code.ROMI_NOT_CONFIDENT);
    // LTV:CAC 2.9 < 3.
    Rating thin =
        rate(new UnitFacts("u", 100_000_00, 300_000_00, 150_000_00, 450_000_00, 6, 30, 2.9, 0));
    assertThat(thin.verdict()).isEqualTo(Verdict.OPTIMISE);
    assertThat(thin.reasons()).extracting(Reason::code).contains(Reason.Code.LTV_TO_CAC_LOW);
  }

  @Test
  void leadsThatCloseAtUnderHalfTheAverageAreNamed() {
    // 6 customers of 200 leads = 3% < 10% ÷ 2.
    Rating rating =
        rate(new UnitFacts("u", 100_000_00, 150_000_00, 110_000_00, 200_000_00, 6, 200, 2.0, 0));
    assertThat(rating.verdict()).isEqualTo(Verdict.OPTIMISE);
    assertThat(rating.reasons())
        .extracting(Reason::code)
        .contains(Reason.Code.CONVERSION_BELOW_AVERAGE);
  }

  @Test
  void thresholdsAreSettings() {
    UnitFacts facts =
        new UnitFacts("u", 100_000_00, 150_000_00, 110_000_00, 200_000_00, 6, 30, 2.0, 0);
    assertThat(rate(facts).verdict()).isEqualTo(Verdict.OPTIMISE);
    RecommendSettings lenient = SETTINGS.withThresholds(0.5, 2.0, 0.0, 5);
    assertThat(RatingRules.rate(facts, AVERAGE, lenient, "RUB").verdict()).isEqualTo(Verdict.SCALE);
  }

  private static UnitFacts withRevenue(UnitFacts facts, long revenue) {
    return new UnitFacts(
        facts.key(),
        facts.marketingCost(),
        revenue,
        facts.revenueLower(),
        facts.revenueUpper(),
        facts.customers(),
        facts.leads(),
        facts.ltvToCac(),
        facts.pipeline());
  }
}
