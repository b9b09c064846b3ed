package org.revtrace.core.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Analytic derivatives against central differences, and Newton polishing to the published fits. */
class NewtonTest {

  @Test
  void bgNbdGradientMatchesCentralDifferences() {
    SummaryGroups groups = new SummaryGroups(Cdnow.summary());
    double[] point = {0.3, 5, 0.7, 2.8};
    double[] gradient = new double[4];
    BgNbdLikelihood.of(groups, point, gradient);
    for (int j = 0; j < 4; j++) {
      double h = 1e-5 * point[j];
      double[] up = point.clone();
      double[] down = point.clone();
      up[j] += h;
      down[j] -= h;
      double numeric =
          (BgNbdLikelihood.of(groups, up[0], up[1], up[2], up[3])
                  - BgNbdLikelihood.of(groups, down[0], down[1], down[2], down[3]))
              / (2 * h);
      assertThat(gradient[j])
          .as("parameter %d", j)
          .isCloseTo(numeric, within(1e-4 * Math.max(1, Math.abs(numeric))));
    }
  }

  @Test
  void gammaGammaGradientAndHessianMatchCentralDifferences() {
    Spenders spenders = new Spenders(Cdnow.summaryWithTransactions());
    double[] point = {5, 4, 12};
    double[] gradient = new double[3];
    spenders.valueAndGradient(point, gradient);
    double[][] hessian = spenders.hessian(point, gradient);
    for (int j = 0; j < 3; j++) {
      double h = 1e-5 * point[j];
      double[] up = point.clone();
      double[] down = point.clone();
      up[j] += h;
      down[j] -= h;
      double[] gradientUp = new double[3];
      double[] gradientDown = new double[3];
      double numeric =
          (spenders.valueAndGradient(up, gradientUp)
                  - spenders.valueAndGradient(down, gradientDown))
              / (2 * h);
      assertThat(gradient[j]).isCloseTo(numeric, within(1e-4 * Math.max(1, Math.abs(numeric))));
      for (int i = 0; i < 3; i++) {
        double second = (gradientUp[i] - gradientDown[i]) / (2 * h);
        assertThat(hessian[i][j]).isCloseTo(second, within(1e-4 * Math.max(1, Math.abs(second))));
      }
    }
    assertThat(spenders.valueAndGradient(point, gradient))
        .isCloseTo(spenders.logLikelihood(5, 4, 12), within(1e-8));
  }

  @Test
  void newtonFromAStartNearbyReachesThePublishedEstimates() {
    SummaryGroups groups = new SummaryGroups(Cdnow.summary());
    double[] bgNbd =
        Newton.maximise(
            (p, gradient) -> BgNbdLikelihood.of(groups, p, gradient),
            new double[] {0.27, 4.0, 0.85, 2.2});
    assertThat(bgNbd).containsExactly(new double[] {0.243, 4.414, 0.793, 2.426}, within(0.0006));

    Spenders spenders = new Spenders(Cdnow.summaryWithTransactions());
    double[] gammaGamma = Newton.maximise(spenders, new double[] {5.8, 4.0, 14.0});
    assertThat(gammaGamma).containsExactly(new double[] {6.25, 3.74, 15.45}, within(0.006));
  }
}
