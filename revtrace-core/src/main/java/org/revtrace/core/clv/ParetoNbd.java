package org.revtrace.core.clv;

import org.hipparchus.special.Gamma;

/**
 * The Pareto/NBD model of Schmittlein, Morrison &amp; Colombo (1987), "Counting Your Customers: Who
 * Are They and What Will They Do Next?", Management Science 33(1): 1–24, in the form derived by
 * Fader &amp; Hardie (2005), "A Note on Deriving the Pareto/NBD Model and Related Expressions".
 *
 * <p>While active, a customer buys at Poisson rate λ ~ Gamma(r, α); their lifetime is exponential
 * with rate μ ~ Gamma(s, β). Fitted by maximum likelihood over customers grouped by identical
 * {@code (x, t_x, T)}.
 *
 * <p>Numerics: the likelihood needs A₀, a difference of two ₂F₁(r+s+x, ·; r+s+x+1; z) terms (Fader
 * &amp; Hardie 2005 note, section 3). Summed directly, that series converges slowly and overflows
 * near z = 1; we apply Euler's transformation ₂F₁(a, b; c; z) = (1−z)^(c−a−b) ₂F₁(c−a, c−b; c; z)
 * (Abramowitz &amp; Stegun 15.3.3), which turns it into ₂F₁(1, ·; r+s+x+1; z), a series of positive
 * terms with ratio below z, and work with logarithms throughout.
 *
 * @param r shape of the purchase-rate distribution
 * @param alpha scale of the purchase-rate distribution, in time units
 * @param s shape of the dropout-rate distribution
 * @param beta scale of the dropout-rate distribution, in time units
 * @param logLikelihood log-likelihood of the data it was fitted on (NaN when given, not fitted)
 */
public record ParetoNbd(double r, double alpha, double s, double beta, double logLikelihood)
    implements PurchaseModel {

  public ParetoNbd {
    BgNbd.requirePositive(r, alpha, s, beta);
  }

  /**
   * The maximum-likelihood Pareto/NBD model of a customer summary.
   *
   * @throws IllegalArgumentException when the summary has no customer
   */
  public static ParetoNbd fit(CustomerSummary summary) {
    BgNbd.requireCustomers(summary);
    SummaryGroups groups = new SummaryGroups(summary);
    double meanAge = 0;
    for (double age : summary.age()) {
      meanAge += age;
    }
    meanAge = summary.size() == 0 ? 1 : Math.max(1e-3, meanAge / summary.size());
    double[] best =
        MaximumLikelihood.fit(
            p -> logLikelihood(groups, new ParetoNbd(p[0], p[1], p[2], p[3], Double.NaN)),
            new double[] {1, meanAge, 1, meanAge});
    ParetoNbd fitted = new ParetoNbd(best[0], best[1], best[2], best[3], Double.NaN);
    return new ParetoNbd(best[0], best[1], best[2], best[3], logLikelihood(groups, fitted));
  }

  /** Log-likelihood of a whole summary under these parameters. */
  public double logLikelihood(CustomerSummary summary) {
    return logLikelihood(new SummaryGroups(summary), this);
  }

  /**
   * Log-likelihood of one customer (Fader &amp; Hardie 2005 note, section 3): L = Γ(r+x) α^r β^s /
   * Γ(r) · [1/((α+T)^(r+x) (β+T)^s) + s/(r+s+x) · A₀].
   */
  public double logLikelihood(int x, double recency, double age) {
    double stayed = -(r + x) * Math.log(alpha + age) - s * Math.log(beta + age);
    double left = Math.log(s) - Math.log(r + s + x) + logA0(x, recency, age);
    return Gamma.logGamma(r + x)
        - Gamma.logGamma(r)
        + r * Math.log(alpha)
        + s * Math.log(beta)
        + BgNbdLikelihood.logSumExp(stayed, left);
  }

  /**
   * P(alive | x, t_x, T) = 1 / (1 + s/(r+s+x) · (α+T)^(r+x) (β+T)^s · A₀) (Fader &amp; Hardie 2005
   * note, section 4).
   */
  @Override
  public double probabilityAlive(int x, double recency, double age) {
    double logOdds =
        Math.log(s)
            - Math.log(r + s + x)
            + (r + x) * Math.log(alpha + age)
            + s * Math.log(beta + age)
            + logA0(x, recency, age);
    return 1 / (1 + Math.exp(logOdds));
  }

  /**
   * Conditional expectation (Schmittlein et al. 1987; Fader &amp; Hardie 2005 note, section 5):
   * E[Y(t) | x, t_x, T] = (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive), with
   * the limit (r+x)(β+T)/(α+T) · ln((β+T+t)/(β+T)) · P(alive) at s = 1.
   */
  @Override
  public double expectedPurchases(double t, int x, double recency, double age) {
    if (t <= 0) {
      return 0;
    }
    double rate = (r + x) / (alpha + age) * (beta + age);
    double horizon;
    if (Math.abs(s - 1) < 1e-9) {
      horizon = Math.log1p(t / (beta + age));
    } else {
      horizon = -Math.expm1((s - 1) * Math.log((beta + age) / (beta + age + t))) / (s - 1);
    }
    return rate * horizon * probabilityAlive(x, recency, age);
  }

  /**
   * ln A₀ (Fader &amp; Hardie 2005 note, section 3): A₀ = F(t_x) − F(T) with, for α ≥ β, F(y) =
   * ₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+y)) / (α+y)^(r+s+x), and for α &lt; β, F(y) = ₂F₁(r+s+x, r+x;
   * r+s+x+1; (β−α)/(β+y)) / (β+y)^(r+s+x).
   */
  double logA0(int x, double recency, double age) {
    double high = logF(x, recency);
    double low = logF(x, age);
    if (low >= high) {
      return Double.NEGATIVE_INFINITY;
    }
    return high + Math.log1p(-Math.exp(low - high));
  }

  private double logF(int x, double y) {
    double rsx = r + s + x;
    if (alpha >= beta) {
      double z = (alpha - beta) / (alpha + y);
      // ₂F₁(rsx, s+1; rsx+1; z) = (1−z)^(−s) ₂F₁(1, r+x; rsx+1; z)
      return -s * Math.log1p(-z)
          + Math.log(Hypergeometric.f21(1, r + x, rsx + 1, z))
          - rsx * Math.log(alpha + y);
    }
    double z = (beta - alpha) / (beta + y);
    // ₂F₁(rsx, r+x; rsx+1; z) = (1−z)^(1−r−x) ₂F₁(1, s+1; rsx+1; z)
    return (1 - r - x) * Math.log1p(-z)
        + Math.log(Hypergeometric.f21(1, s + 1, rsx + 1, z))
        - rsx * Math.log(beta + y);
  }

  static double logLikelihood(SummaryGroups groups, ParetoNbd model) {
    int n = groups.maxX + 1;
    double[] constant = new double[n];
    double base =
        -Gamma.logGamma(model.r) + model.r * Math.log(model.alpha) + model.s * Math.log(model.beta);
    for (int x = 0; x < n; x++) {
      constant[x] = Gamma.logGamma(model.r + x) + base;
    }
    return groups.weightedSum(
        g -> {
          int x = groups.x[g];
          double age = groups.ageValues[groups.ageIndex[g]];
          double recency = groups.recencyValues[groups.recencyIndex[g]];
          double stayed =
              -(model.r + x) * Math.log(model.alpha + age) - model.s * Math.log(model.beta + age);
          double left =
              Math.log(model.s) - Math.log(model.r + model.s + x) + model.logA0(x, recency, age);
          return constant[x] + BgNbdLikelihood.logSumExp(stayed, left);
        });
  }
}
