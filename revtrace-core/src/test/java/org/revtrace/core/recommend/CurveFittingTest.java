package org.revtrace.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The response curve fit recovers planted parameters and refuses data that cannot show them. */
class CurveFittingTest {

  private static final RecommendSettings SETTINGS =
      RecommendSettings.defaults(Instant.parse("2025-07-01T00:00:00Z"));

  @Test
  void exactPowerLawIsRecoveredExactly() {
    // R(s) = 2,000,000 × (s / 1,000,000)^0.6 on costs 0.5 … 1.6 M: the least-squares optimum is the
    // planted curve itself (SSE 0).
    double[] spend = {500_000, 700_000, 900_000, 1_100_000, 1_300_000, 1_600_000};
    double[] value = new double[spend.length];
    for (int i = 0; i < spend.length; i++) {
      value[i] = 2_000_000 * Math.pow(spend[i] / 1_000_000, 0.6);
    }
    ResponseCurve curve = CurveFitting.leastSquares(spend, value);
    assertThat(curve.exponent()).isCloseTo(0.6, within(1e-6));
    assertThat(curve.value(1_000_000)).isCloseTo(2_000_000, within(1e-3));
    // R'(s) = k R(s) / s: at 1 M, 0.6 × 2 M / 1 M = 1.2 of value per unit of cost.
    assertThat(curve.marginal(1_000_000)).isCloseTo(1.2, within(1e-6));
  }

  @Test
  void noisyPowerLawIsRecoveredWithinTolerance() {
    // 24 months, cost uniform in 0.4 … 1.6 M, value = 3 M × (s / 1 M)^0.45 × (1 + 2% noise); the
    // standard error of the elasticity is
    // about 0.02 / (0.37 × √24) ≈ 0.011, so 0.05 is over four of them.
    SplittableRandom random = new SplittableRandom(7);
    List<CurvePoint> months = new ArrayList<>();
    for (int m = 0; m < 24; m++) {
      double spend = 400_000 + 1_200_000 * random.nextDouble();
      double value = 3_000_000 * Math.pow(spend / 1_000_000, 0.45) * (1 + 0.02 * gaussian(random));
      months.add(
          new CurvePoint(
              String.format("2024-%02d", m % 12 + 1), Math.round(spend), Math.round(value)));
    }
    CurveFitting.Fitted fitted = CurveFitting.fit("search", months, SETTINGS, 1);
    CurveFit fit = fitted.fit();
    assertThat(fit.status()).isEqualTo(FitStatus.FITTED);
    assertThat(fit.curve().exponent()).isCloseTo(0.45, within(0.05));
    assertThat(fit.curve().value(1_000_000)).isCloseTo(3_000_000, within(60_000.0));
    assertThat(fit.exponentLower()).isLessThan(0.45);
    assertThat(fit.exponentUpper()).isGreaterThan(0.45);
    assertThat(fitted.replicates()).hasSize(SETTINGS.replicates());
    // The current budget is the mean of the last three months.
    long expected =
        Math.round((months.get(21).cost() + months.get(22).cost() + months.get(23).cost()) / 3.0);
    assertThat(fit.currentBudget()).isEqualTo(expected);
    assertThat(fit.marginalRomi()).isCloseTo(fit.curve().marginal(expected) - 1, within(1e-12));
    assertThat(fit.marginalRomiLower()).isLessThanOrEqualTo(fit.marginalRomi());
  }

  @Test
  void linearAndFlatResponsesHitTheBounds() {
    double[] spend = {1, 2, 3, 4, 5, 6};
    assertThat(CurveFitting.leastSquares(spend, new double[] {2, 4, 6, 8, 10, 12}).exponent())
        .isCloseTo(1.0, within(1e-6));
    assertThat(CurveFitting.leastSquares(spend, new double[] {5, 5, 5, 5, 5, 5}).exponent())
        .isCloseTo(0.0, within(1e-6));
    // Value that falls with cost is no diminishing return: the fit stays at the flat bound.
    assertThat(CurveFitting.leastSquares(spend, new double[] {12, 10, 8, 6, 4, 2}).exponent())
        .isCloseTo(0.0, within(1e-6));
  }

  @Test
  void fewerThanSixMonthsWithCostAreRefused() {
    List<CurvePoint> months = new ArrayList<>();
    for (int m = 1; m <= 8; m++) {
      months.add(new CurvePoint("2025-0" + m, m <= 5 ? 100_000 * m : 0, 300_000));
    }
    CurveFit fit = CurveFitting.fit("x", months, SETTINGS, 1).fit();
    assertThat(fit.status()).isEqualTo(FitStatus.TOO_FEW_POINTS);
    assertThat(fit.reason()).contains("5 months with cost, fewer than 6");
    assertThat(fit.curve()).isNull();
    assertThat(fit.marginalRomi()).isNull();
  }

  @Test
  void steadySpendIsRefused() {
    // Cost 100,000 ± 5%: coefficient of variation about 4% < 10%.
    List<CurvePoint> months = new ArrayList<>();
    long[] costs = {100_000, 105_000, 95_000, 100_000, 104_000, 96_000, 100_000, 103_000};
    for (int m = 0; m < costs.length; m++) {
      months.add(new CurvePoint("2025-0" + (m + 1), costs[m], 50_000 * (m + 1)));
    }
    CurveFit fit = CurveFitting.fit("x", months, SETTINGS, 1).fit();
    assertThat(fit.status()).isEqualTo(FitStatus.NO_SPEND_VARIATION);
    assertThat(fit.spendVariation()).isLessThan(0.1);
  }

  @Test
  void noValueIsRefused() {
    List<CurvePoint> months = new ArrayList<>();
    for (int m = 1; m <= 8; m++) {
      months.add(new CurvePoint("2025-0" + m, 100_000 * m, 0));
    }
    assertThat(CurveFitting.fit("x", months, SETTINGS, 1).fit().status())
        .isEqualTo(FitStatus.NO_VALUE);
  }

  @Test
  void theSameSeedGivesTheSameIntervals() {
    List<CurvePoint> months = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(3);
    for (int m = 1; m <= 12; m++) {
      long spend = 50_000 + random.nextInt(100_000);
      months.add(
          new CurvePoint(
              "2025-" + m, spend, Math.round(4 * Math.sqrt(spend) * 1000 * random.nextDouble())));
    }
    CurveFit first = CurveFitting.fit("x", months, SETTINGS, 42).fit();
    CurveFit second = CurveFitting.fit("x", months, SETTINGS, 42).fit();
    assertThat(second).isEqualTo(first);
  }

  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
