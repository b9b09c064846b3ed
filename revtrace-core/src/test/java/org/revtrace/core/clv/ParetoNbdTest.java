package org.revtrace.core.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ParetoNbdTest {

  private static final ParetoNbd CDNOW =
      new ParetoNbd(0.5533, 10.5776, 0.6062, 11.6685, Double.NaN);

  @Test
  void groupedLikelihoodEqualsTheSumOfCustomerLikelihoods() {
    CustomerSummary summary = Cdnow.summary();
    double sum = 0;
    for (int i = 0; i < summary.size(); i++) {
      sum += CDNOW.logLikelihood(summary.frequency()[i], summary.recency()[i], summary.age()[i]);
    }
    assertThat(CDNOW.logLikelihood(summary)).isCloseTo(sum, within(1e-6));
  }

  /** Both branches of A₀ (α ≥ β and α &lt; β) agree where they meet, α = β. */
  @Property
  void likelihoodIsContinuousAcrossAlphaEqualsBeta(
      @ForAll @IntRange(min = 0, max = 20) int x,
      @ForAll @DoubleRange(min = 0, max = 1) double recencyShare,
      @ForAll @DoubleRange(min = 0.5, max = 60) double age) {
    double recency = x == 0 ? 0 : recencyShare * age;
    ParetoNbd below = new ParetoNbd(0.55, 10 - 1e-9, 0.6, 10, Double.NaN);
    ParetoNbd above = new ParetoNbd(0.55, 10 + 1e-9, 0.6, 10, Double.NaN);
    assertThat(below.logLikelihood(x, recency, age))
        .isCloseTo(above.logLikelihood(x, recency, age), within(1e-6));
  }

  /**
   * Far from α = β, where the untransformed series would need thousands of terms, the value is
   * finite.
   */
  @Test
  void likelihoodStaysFiniteForVeryUnequalScales() {
    ParetoNbd skewed = new ParetoNbd(0.5, 1000, 0.6, 0.01, Double.NaN);
    assertThat(skewed.logLikelihood(3, 10, 39)).isFinite();
    assertThat(skewed.probabilityAlive(3, 10, 39)).isBetween(0.0, 1.0);
  }

  @Test
  void probabilityAliveFallsWithTimeSinceLastPurchase() {
    assertThat(CDNOW.probabilityAlive(3, 30, 32)).isGreaterThan(CDNOW.probabilityAlive(3, 5, 32));
    assertThat(CDNOW.probabilityAlive(3, 30, 32)).isBetween(0.0, 1.0);
  }

  @Test
  void expectedPurchasesOfThePaperExampleCustomer() {
    double expected = CDNOW.expectedPurchases(39, 2, 30.43, 38.86);
    assertThat(expected).isBetween(0.5, 2.0);
    assertThat(CDNOW.expectedPurchases(0, 2, 30.43, 38.86)).isZero();
  }
}
