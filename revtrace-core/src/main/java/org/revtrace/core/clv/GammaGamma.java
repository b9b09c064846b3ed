package org.revtrace.core.clv;

import java.util.stream.IntStream;
import org.hipparchus.special.Gamma;

/**
 * The Gamma-Gamma model of spend per transaction: Fader, Hardie &amp; Lee (2005), "RFM and CLV:
 * Using Iso-Value Curves for Customer Base Analysis", Journal of Marketing Research 42(4): 415–430,
 * and Fader &amp; Hardie (2013), "The Gamma-Gamma Model of Monetary Value".
 *
 * <p>A customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, so the
 * mean spend {@code zbar} of {@code x} repeat transactions has the likelihood (2013 note, eq. 4;
 * 2005 paper, appendix) L = Γ(px+q) / (Γ(px) Γ(q)) · γ^q · x^(px) · zbar^(px−1) / (γ +
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

  /** The maximum-likelihood model of the repeat customers' mean spend in a summary. */
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
      best = MaximumLikelihood.fit(full, v -> sample.logLikelihood(v[0], v[1], v[2]), start);
    }
    return new GammaGamma(
        best[0], best[1], best[2], spenders.logLikelihood(best[0], best[1], best[2]));
  }

  /**
   * Expected mean transaction value given {@code x} repeat transactions of mean {@code zbar} (2013
   * note, eq. 5; 2005 paper, eq. 4): E[Z | x, zbar] = p(γ + x·zbar) / (px + q − 1), a weighted mean
   * of the population mean pγ/(q−1) and {@code zbar}; the population mean when {@code x = 0}.
   * Infinite when {@code px + q ≤ 1}.
   */
  public double expectedValue(int x, double zbar) {
    double denominator = p * x + q - 1;
    if (denominator <= 0) {
      return Double.POSITIVE_INFINITY;
    }
    return p * (gamma + x * zbar) / denominator;
  }

  /**
   * Customers with {@code x > 0, zbar > 0}, with the data-only sums of the likelihood precomputed.
   */
  private static final class Spenders {
    final int size;
    final int[] x;
    final double[] zbar;
    final int maxX;
    final double meanSpend;

    /** Σ x·ln zbar + Σ x·ln x, the coefficient of p; and Σ ln zbar. */
    final double pCoefficient;

    final double logZbarSum;

    Spenders(CustomerSummary summary) {
      int n = 0;
      for (int i = 0; i < summary.size(); i++) {
        if (summary.frequency()[i] > 0 && summary.monetary()[i] > 0) {
          n++;
        }
      }
      size = n;
      x = new int[n];
      zbar = new double[n];
      int k = 0;
      int highest = 0;
      double spend = 0;
      double coefficient = 0;
      double logSum = 0;
      for (int i = 0; i < summary.size(); i++) {
        if (summary.frequency()[i] > 0 && summary.monetary()[i] > 0) {
          x[k] = summary.frequency()[i];
          zbar[k] = summary.monetary()[i];
          highest = Math.max(highest, x[k]);
          spend += zbar[k];
          coefficient += x[k] * (Math.log(zbar[k]) + Math.log(x[k]));
          logSum += Math.log(zbar[k]);
          k++;
        }
      }
      maxX = highest;
      meanSpend = n == 0 ? 0 : spend / n;
      pCoefficient = coefficient;
      logZbarSum = logSum;
    }

    double logLikelihood(double p, double q, double gamma) {
      double[] byX = new double[maxX + 1];
      double constant = -Gamma.logGamma(q) + q * Math.log(gamma);
      for (int v = 1; v <= maxX; v++) {
        byX[v] = Gamma.logGamma(p * v + q) - Gamma.logGamma(p * v) + constant;
      }
      int chunks = (size + CHUNK - 1) / CHUNK;
      double[] partial = new double[chunks];
      IntStream stream = IntStream.range(0, chunks);
      if (chunks > 1) {
        stream = stream.parallel();
      }
      stream.forEach(
          c -> {
            double sum = 0;
            int to = Math.min(size, (c + 1) * CHUNK);
            for (int i = c * CHUNK; i < to; i++) {
              sum += byX[x[i]] - (p * x[i] + q) * Math.log(gamma + x[i] * zbar[i]);
            }
            partial[c] = sum;
          });
      double sum = p * pCoefficient - logZbarSum;
      for (double part : partial) {
        sum += part;
      }
      return sum;
    }
  }
}
