package org.revtrace.core.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Worked examples with the published CDNOW parameters (Fader, Hardie &amp; Lee 2005). */
class BgNbdTest {

  private static final BgNbd CDNOW = new BgNbd(0.243, 4.414, 0.793, 2.426, Double.NaN);

  @Test
  void groupedLikelihoodEqualsTheSumOfCustomerLikelihoods() {
    CustomerSummary summary = Cdnow.summary();
    double sum = 0;
    for (int i = 0; i < summary.size(); i++) {
      sum += CDNOW.logLikelihood(summary.frequency()[i], summary.recency()[i], summary.age()[i]);
    }
    assertThat(CDNOW.logLikelihood(summary)).isCloseTo(sum, within(1e-6));
    assertThat(sum).isCloseTo(-9582.4, within(0.05));
  }

  /**
   * The paper's example customer (x = 2, t_x = 30.43, T = 38.86) expects 1.226 purchases in 39
   * weeks.
   */
  @Test
  void conditionalExpectationOfThePaperExample() {
    assertThat(CDNOW.expectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(0.001));
  }

  @Test
  void probabilityAliveIsOneWithoutRepeatsAndFallsWithTimeSinceLastPurchase() {
    assertThat(CDNOW.probabilityAlive(0, 0, 30)).isEqualTo(1.0);
    double recent = CDNOW.probabilityAlive(3, 30, 32);
    double lapsed = CDNOW.probabilityAlive(3, 5, 32);
    assertThat(recent).isBetween(0.0, 1.0).isGreaterThan(lapsed);
    // 1 / (1 + a/(b+x−1) ((α+T)/(α+t_x))^(r+x))
    double odds = 0.793 / (2.426 + 2) * Math.pow((4.414 + 32) / (4.414 + 5), 3.243);
    assertThat(lapsed).isCloseTo(1 / (1 + odds), within(1e-12));
  }

  @Test
  void expectedPurchasesGrowWithTheHorizon() {
    assertThat(CDNOW.expectedPurchases(0, 1, 10, 30)).isZero();
    double previous = 0;
    for (int weeks = 4; weeks <= 104; weeks += 4) {
      double expected = CDNOW.expectedPurchases(weeks, 1, 10, 30);
      assertThat(expected).isGreaterThan(previous);
      previous = expected;
    }
  }

  @Test
  void newCustomerExpectationAgreesWithTheConditionalOneAtTimeZero() {
    // a customer observed for T = 0 with no repeats is a new customer
    assertThat(CDNOW.expectedPurchasesOfNewCustomer(39))
        .isCloseTo(CDNOW.expectedPurchases(39, 0, 0, 0), within(1e-12));
  }
}
