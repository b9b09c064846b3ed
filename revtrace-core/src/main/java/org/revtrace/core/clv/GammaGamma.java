package org.revtrace.core.clv;

/**
 * The Gamma-Gamma model of spend per transaction: Fader, Hardie &amp; Lee (2005), "RFM and CLV:
 * Using Iso-Value Curves for Customer Base Analysis", Journal of Marketing Research 42(4): 415–430,
 * and Fader &amp; Hardie (2013), "The Gamma-Gamma Model of Monetary Value".
 *
 * <p>A customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, so the
 * mean spend {@code zbar} of {@code x} repeat transactions has the likelihood (2013 note; 2005
 * paper, section on monetary value) L = Γ(px+q) / (Γ(px) Γ(q)) · γ^q · x^(px) · zbar^(px−1) / (γ +
 * x·zbar)^(px+q). Fitted on customers with {@code x > 0} and {@code zbar > 0}.
 *
 * @param p shape of the transaction-value distribution
 * @param q shape of the distribution of ν
 * @param gamma scale of the distribution of ν, in money units
 * @param logLikelihood log-likelihood of the data it was fitted on (NaN when given, not fitted)
 */
public record GammaGamma(double p, double q, double gamma, double logLikelihood) {

  /** Above this many spenders the fit warm-starts on a subsample of about as many. */
  private static final int SAMPLE_SPENDERS = 20_000;

  /**
   * Spenders per chunk of the parallel sum; fixed so the summation order never depends on cores.
   */
  private static final int CHUNK = 8192;

  public GammaGamma {
    BgNbd.requirePositive(p, q, gamma);
  }

  /**
   * The maximum-likelihood model of the repeat customers' mean spend in a summary.
   *
   * @throws IllegalArgumentException when no customer has {@code x > 0} and {@code zbar > 0}
   */
  public static GammaGamma fit(CustomerSummary summary) {
    Spenders spenders = new Spenders(summary);
    if (spenders.size == 0) {
      throw new IllegalArgumentException("no customer with repeat purchases of positive value");
    }
    double[] start = {1, 1, Math.max(1e-6, spenders.meanSpend)};
    MaximumLikelihood.LogLikelihood full = v -> spenders.logLikelihood(v[0], v[1], v[2]);
    double[] best;
    if (spenders.size <= SAMPLE_SPENDERS) {
      best = MaximumLikelihood.fit(full, start);
    } else {
      Spenders sample = new Spenders(summary.everyNth(spenders.size / SAMPLE_SPENDERS));
      double[] near = MaximumLikelihood.fit(v -> sample.logLikelihood(v[0], v[1], v[2]), start);
      best = Newton.maximise(spenders, near);
      if (best == null) {
        best = MaximumLikelihood.polish(full, near);
      }
    }
    return new GammaGamma(
        best[0], best[1], best[2], spenders.logLikelihood(best[0], best[1], best[2]));
  }

  /**
   * Expected mean transaction value given {@code x} repeat transactions of mean {@code zbar} (2013
   * note; 2005 paper, the conditional expectation of monetary value): E[Z | x, zbar] = p(γ +
   * x·zbar) / (px + q − 1), a weighted mean of the population mean pγ/(q−1) and {@code zbar}; the
   * population mean when {@code x = 0}. Infinite when {@code px + q ≤ 1}.
   */
  public double expectedValue(int x, double zbar) {
    double denominator = p * x + q - 1;
    if (denominator <= 0) {
      return Double.POSITIVE_INFINITY;
    }
    return p * (gamma + x * zbar) / denominator;
  }
}
