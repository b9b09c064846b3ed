package org.revtrace.core.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the published CDNOW estimates: Fader, Hardie &amp; Lee (2005) Marketing Science
 * (BG/NBD), Fader &amp; Hardie's Pareto/NBD note, and Fader, Hardie &amp; Lee (2005) JMR
 * (Gamma-Gamma).
 */
class CdnowModelsTest {

  @Test
  void bgNbdMatchesThePaper() {
    BgNbd model = BgNbd.fit(Cdnow.summary());
    assertThat(round(model.r(), 3)).isEqualTo(0.243);
    assertThat(round(model.alpha(), 3)).isEqualTo(4.414);
    assertThat(round(model.a(), 3)).isEqualTo(0.793);
    assertThat(round(model.b(), 3)).isEqualTo(2.426);
    assertThat(round(model.logLikelihood(), 1)).isEqualTo(-9582.4);
  }

  @Test
  void paretoNbdMatchesThePublishedEstimates() {
    ParetoNbd model = ParetoNbd.fit(Cdnow.summary());
    assertThat(round(model.r(), 2)).isEqualTo(0.55);
    assertThat(round(model.alpha(), 2)).isEqualTo(10.58);
    assertThat(round(model.s(), 2)).isEqualTo(0.61);
    assertThat(round(model.beta(), 2)).isEqualTo(11.67);
    assertThat(model.logLikelihood()).isCloseTo(-9594.98, within(0.01));
  }

  /**
   * The paper's γ = 15.44 comes from unrounded spend; on the file's 2-decimal {@code zbar} the
   * optimum is γ = 15.448 (15.45, as the {@code lifetimes} package also reports).
   */
  @Test
  void gammaGammaMatchesThePaperOnUnroundedSpend() {
    CustomerSummary rebuilt =
        CustomerSummary.of(
            Cdnow.purchases("CDNOW_sample.txt", 1, 2, 4), Cdnow.CALIBRATION_END, TimeScale.WEEKS);
    GammaGamma model = GammaGamma.fit(rebuilt);

    assertThat(round(model.p(), 2)).isEqualTo(6.25);
    assertThat(round(model.q(), 2)).isEqualTo(3.74);
    assertThat(round(model.gamma(), 2)).isEqualTo(15.44);
  }

  @Test
  void gammaGammaOnThePublishedRoundedSpend() {
    GammaGamma model = GammaGamma.fit(Cdnow.summaryWithTransactions());

    assertThat(round(model.p(), 2)).isEqualTo(6.25);
    assertThat(round(model.q(), 2)).isEqualTo(3.74);
    assertThat(model.gamma()).isCloseTo(15.448, within(0.001));
  }

  private static double round(double value, int decimals) {
    return Double.parseDouble(String.format(Locale.ROOT, "%." + decimals + "f", value));
  }
}
