package org.revtrace.core.clv;

import org.hipparchus.special.Gamma;

/**
 * The BG/NBD model of Fader, Hardie &amp; Lee (2005), "'Counting Your Customers' the Easy Way: An
 * Alternative to the Pareto/NBD Model", Marketing Science 24(2): 275–284.
 *
 * <p>While active, a customer buys at Poisson rate λ ~ Gamma(r, α); after each repeat purchase they
 * drop out with probability p ~ Beta(a, b). Fitted by maximum likelihood (equation 6) over
 * customers grouped by identical {@code (x, t_x, T)}; see {@link MaximumLikelihood} for the
 * optimiser.
 *
 * @param r shape of the purchase-rate distribution
 * @param alpha scale of the purchase-rate distribution, in time units
 * @param a first shape of the dropout-probability distribution
 * @param b second shape of the dropout-probability distribution
 * @param logLikelihood log-likelihood of the data it was fitted on (NaN when given, not fitted)
 */
public record BgNbd(double r, double alpha, double a, double b, double logLikelihood)
    implements PurchaseModel {

  /** Above this many groups the fit warm-starts on a subsample of about SAMPLE_CUSTOMERS rows. */
  private static final int SAMPLE_GROUPS = 20_000;

  private static final int SAMPLE_CUSTOMERS = 20_000;

  public BgNbd {
    requirePositive(r, alpha, a, b);
  }

  /**
   * The maximum-likelihood BG/NBD model of a customer summary.
   *
   * @throws IllegalArgumentException when the summary has no customer
   */
  public static BgNbd fit(CustomerSummary summary) {
    requireCustomers(summary);
    SummaryGroups groups = new SummaryGroups(summary);
    MaximumLikelihood.LogLikelihood full = p -> BgNbdLikelihood.of(groups, p[0], p[1], p[2], p[3]);
    double[] best;
    if (groups.size <= SAMPLE_GROUPS) {
      best = MaximumLikelihood.fit(full, start(summary));
    } else {
      SummaryGroups sample = new SummaryGroups(summary.everyNth(summary.size() / SAMPLE_CUSTOMERS));
      double[] near =
          MaximumLikelihood.fit(
              p -> BgNbdLikelihood.of(sample, p[0], p[1], p[2], p[3]), start(summary));
      best = Newton.maximise((p, gradient) -> BgNbdLikelihood.of(groups, p, gradient), near);
      if (best == null) {
        best = MaximumLikelihood.polish(full, near);
      }
    }
    return new BgNbd(
        best[0],
        best[1],
        best[2],
        best[3],
        BgNbdLikelihood.of(groups, best[0], best[1], best[2], best[3]));
  }

  /** Log-likelihood of a whole summary under these parameters (sum of equation 6). */
  public double logLikelihood(CustomerSummary summary) {
    return BgNbdLikelihood.of(new SummaryGroups(summary), r, alpha, a, b);
  }

  /**
   * Log-likelihood of one customer, equation (6): L = B(a, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r)
   * (α+T)^(r+x)) + δ(x&gt;0) B(a+1, b+x−1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x)).
   */
  public double logLikelihood(int x, double recency, double age) {
    double common =
        Gamma.logGamma(r + x)
            - Gamma.logGamma(r)
            + r * Math.log(alpha)
            + Gamma.logGamma(a + b)
            + Gamma.logGamma(b + x)
            - Gamma.logGamma(b)
            - Gamma.logGamma(a + b + x);
    double stayed = -(r + x) * Math.log(alpha + age);
    if (x == 0) {
      return common + stayed;
    }
    double left = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + recency);
    return common + BgNbdLikelihood.logSumExp(stayed, left);
  }

  /**
   * P(alive | x, t_x, T) = 1 / (1 + δ(x&gt;0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)) (Fader, Hardie
   * &amp; Lee 2005, section 4; their note "Computing P(alive) Using the BG/NBD Model", 2008).
   */
  @Override
  public double probabilityAlive(int x, double recency, double age) {
    if (x == 0) {
      return 1;
    }
    return 1 / (1 + Math.exp(oddsDeadLog(x, recency, age)));
  }

  /**
   * Conditional expectation, equation (10): E[Y(t) | x, t_x, T] = (a+b+x−1)/(a−1) · [1 −
   * ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))] / (1 + δ(x&gt;0) · a/(b+x−1) ·
   * ((α+T)/(α+t_x))^(r+x)). At exactly a = 1 the formula is 0/0 (NaN); fitted values never land
   * there.
   */
  @Override
  public double expectedPurchases(double t, int x, double recency, double age) {
    if (t <= 0) {
      return 0;
    }
    double z = t / (alpha + age + t);
    double hypergeometric = Hypergeometric.f21(r + x, b + x, a + b + x - 1, z);
    double bracket =
        1 - Math.exp((r + x) * Math.log((alpha + age) / (alpha + age + t))) * hypergeometric;
    double numerator = (a + b + x - 1) / (a - 1) * bracket;
    double denominator = x == 0 ? 1 : 1 + Math.exp(oddsDeadLog(x, recency, age));
    return numerator / denominator;
  }

  /**
   * Expected purchases of a new customer in {@code (0, t]}, equation (7): E[X(t)] = (a+b−1)/(a−1) ·
   * [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))].
   */
  public double expectedPurchasesOfNewCustomer(double t) {
    if (t <= 0) {
      return 0;
    }
    double hypergeometric = Hypergeometric.f21(r, b, a + b - 1, t / (alpha + t));
    return (a + b - 1) / (a - 1) * (1 - Math.pow(alpha / (alpha + t), r) * hypergeometric);
  }

  private double oddsDeadLog(int x, double recency, double age) {
    return Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + age) / (alpha + recency));
  }

  /** Starting point: unit shapes, α at the mean customer age (the rate's natural scale). */
  private static double[] start(CustomerSummary summary) {
    double meanAge = 0;
    for (double age : summary.age()) {
      meanAge += age;
    }
    meanAge = summary.size() == 0 ? 1 : Math.max(1e-3, meanAge / summary.size());
    return new double[] {1, meanAge, 1, 1};
  }

  static void requireCustomers(CustomerSummary summary) {
    if (summary.size() == 0) {
      throw new IllegalArgumentException("no customer to fit a model to");
    }
  }

  static void requirePositive(double... parameters) {
    for (double p : parameters) {
      if (!(p > 0 && Double.isFinite(p))) {
        throw new IllegalArgumentException("model parameter not positive and finite: " + p);
      }
    }
  }
}
