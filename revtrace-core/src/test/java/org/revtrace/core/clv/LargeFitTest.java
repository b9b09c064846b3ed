package org.revtrace.core.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.random.RandomDataGenerator;
import org.junit.jupiter.api.Test;

/**
 * On data with more groups than the warm-start threshold, the two-stage fit (subsample Nelder-Mead,
 * full-data Newton) finds the same maximum as Nelder-Mead on the full data.
 */
class LargeFitTest {

  @Test
  void twoStageFitsAgreeWithTheDirectSearch() {
    CustomerSummary summary = simulate(40_000, 11);
    SummaryGroups groups = new SummaryGroups(summary);
    assertThat(groups.size).isGreaterThan(20_000);

    BgNbd twoStage = BgNbd.fit(summary);
    double[] direct =
        MaximumLikelihood.fit(
            p -> BgNbdLikelihood.of(groups, p[0], p[1], p[2], p[3]), new double[] {1, 30, 1, 1});

    assertThat(new double[] {twoStage.r(), twoStage.alpha(), twoStage.a(), twoStage.b()})
        .containsExactly(direct, within(1e-4));
    assertThat(twoStage.logLikelihood())
        .isGreaterThanOrEqualTo(
            BgNbdLikelihood.of(groups, direct[0], direct[1], direct[2], direct[3]) - 1e-6);

    GammaGamma spend = GammaGamma.fit(summary);
    Spenders spenders = new Spenders(summary);
    double[] directSpend =
        MaximumLikelihood.fit(
            v -> spenders.logLikelihood(v[0], v[1], v[2]), new double[] {1, 1, 30});
    assertThat(new double[] {spend.p(), spend.q(), spend.gamma()})
        .containsExactly(directSpend, within(1e-3));
  }

  /** BG/NBD customers in continuous weeks (distinct triples) with Gamma-Gamma spend. */
  private static CustomerSummary simulate(int n, long seed) {
    RandomDataGenerator random = new RandomDataGenerator(seed);
    int[] x = new int[n];
    double[] recency = new double[n];
    double[] age = new double[n];
    double[] monetary = new double[n];
    for (int i = 0; i < n; i++) {
      double rate = random.nextGamma(0.25, 1 / 4.4);
      double dropout = random.nextBeta(0.8, 2.4);
      double spendRate = random.nextGamma(3.7, 1 / 15.4);
      age[i] = 27 + 12 * random.nextDouble();
      double t = 0;
      double total = 0;
      while (true) {
        t += random.nextExponential(1 / rate);
        if (t > age[i]) {
          break;
        }
        x[i]++;
        recency[i] = t;
        total += random.nextGamma(6.2, 1 / spendRate);
        if (random.nextDouble() < dropout) {
          break;
        }
      }
      monetary[i] = x[i] == 0 ? 0 : total / x[i];
    }
    return CustomerSummary.of(TimeScale.WEEKS, x, recency, age, monetary);
  }
}
