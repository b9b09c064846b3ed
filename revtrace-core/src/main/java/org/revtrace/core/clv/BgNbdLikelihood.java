package org.revtrace.core.clv;

import org.hipparchus.special.Gamma;

/**
 * The BG/NBD log-likelihood (Fader, Hardie &amp; Lee 2005, equation 6) summed over customer groups,
 * with its gradient, for fitting {@link BgNbd}.
 */
final class BgNbdLikelihood {

  private BgNbdLikelihood() {}

  /**
   * Sum of equation (6) over groups; the x-dependent gamma-function terms and the per-value
   * logarithms are tabulated once per evaluation, so each group costs one exp and one log.
   */
  static double of(SummaryGroups groups, double r, double alpha, double a, double b) {
    int n = groups.maxX + 1;
    double[] common = new double[n];
    double[] leftConstant = new double[n];
    double logGammaR = Gamma.logGamma(r);
    double logGammaB = Gamma.logGamma(b);
    double logGammaAb = Gamma.logGamma(a + b);
    double rLogAlpha = r * Math.log(alpha);
    for (int x = 0; x < n; x++) {
      common[x] =
          Gamma.logGamma(r + x)
              - logGammaR
              + rLogAlpha
              + logGammaAb
              + Gamma.logGamma(b + x)
              - logGammaB
              - Gamma.logGamma(a + b + x);
      leftConstant[x] = x == 0 ? 0 : Math.log(a) - Math.log(b + x - 1);
    }
    double[] logAge = logShifted(groups.ageValues, alpha);
    double[] logRecency = logShifted(groups.recencyValues, alpha);
    return groups.weightedSum(
        g -> {
          int x = groups.x[g];
          double stayed = -(r + x) * logAge[groups.ageIndex[g]];
          if (x == 0) {
            return common[0] + stayed;
          }
          double left = leftConstant[x] - (r + x) * logRecency[groups.recencyIndex[g]];
          return common[x] + logSumExp(stayed, left);
        });
  }

  /**
   * Sum of equation (6) over groups and its gradient in (r, α, a, b): with w the share of the
   * "dropped out at t_x" term in a customer's likelihood, ∂/∂r = ψ(r+x) − ψ(r) + ln α − (1−w)
   * ln(α+T) − w ln(α+t_x), ∂/∂α = r/α − (r+x)((1−w)/(α+T) + w/(α+t_x)), ∂/∂a = ψ(a+b) − ψ(a+b+x) +
   * w/a, ∂/∂b = ψ(a+b) + ψ(b+x) − ψ(b) − ψ(a+b+x) − w/(b+x−1).
   */
  static double of(SummaryGroups groups, double[] parameters, double[] gradient) {
    double r = parameters[0];
    double alpha = parameters[1];
    double a = parameters[2];
    double b = parameters[3];
    int n = groups.maxX + 1;
    double[] common = new double[n];
    double[] leftConstant = new double[n];
    double[] dr = new double[n];
    double[] da = new double[n];
    double[] db = new double[n];
    double logGammaR = Gamma.logGamma(r);
    double logGammaB = Gamma.logGamma(b);
    double logGammaAb = Gamma.logGamma(a + b);
    double digammaR = Gamma.digamma(r);
    double digammaB = Gamma.digamma(b);
    double digammaAb = Gamma.digamma(a + b);
    double logAlpha = Math.log(alpha);
    for (int x = 0; x < n; x++) {
      common[x] =
          Gamma.logGamma(r + x)
              - logGammaR
              + r * logAlpha
              + logGammaAb
              + Gamma.logGamma(b + x)
              - logGammaB
              - Gamma.logGamma(a + b + x);
      leftConstant[x] = x == 0 ? 0 : Math.log(a) - Math.log(b + x - 1);
      double digammaAbx = Gamma.digamma(a + b + x);
      dr[x] = Gamma.digamma(r + x) - digammaR + logAlpha;
      da[x] = digammaAb - digammaAbx;
      db[x] = digammaAb + Gamma.digamma(b + x) - digammaB - digammaAbx;
    }
    double[] logAge = logShifted(groups.ageValues, alpha);
    double[] logRecency = logShifted(groups.recencyValues, alpha);
    double[] sums =
        groups.weightedSums(
            5,
            (g, weight, out) -> {
              int x = groups.x[g];
              double ageLog = logAge[groups.ageIndex[g]];
              double stayed = -(r + x) * ageLog;
              double value;
              double w;
              double recencyLog = 0;
              if (x == 0) {
                value = common[0] + stayed;
                w = 0;
              } else {
                recencyLog = logRecency[groups.recencyIndex[g]];
                double left = leftConstant[x] - (r + x) * recencyLog;
                double total = logSumExp(stayed, left);
                value = common[x] + total;
                w = Math.exp(left - total);
              }
              double age = groups.ageValues[groups.ageIndex[g]];
              double recency = groups.recencyValues[groups.recencyIndex[g]];
              out[0] += weight * value;
              out[1] += weight * (dr[x] - (1 - w) * ageLog - w * recencyLog);
              out[2] +=
                  weight
                      * (r / alpha
                          - (r + x)
                              * ((1 - w) / (alpha + age) + (x == 0 ? 0 : w / (alpha + recency))));
              out[3] += weight * (da[x] + (x == 0 ? 0 : w / a));
              out[4] += weight * (db[x] - (x == 0 ? 0 : w / (b + x - 1)));
            });
    System.arraycopy(sums, 1, gradient, 0, 4);
    return sums[0];
  }

  static double[] logShifted(double[] values, double shift) {
    double[] logs = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      logs[i] = Math.log(shift + values[i]);
    }
    return logs;
  }

  static double logSumExp(double u, double v) {
    double max = Math.max(u, v);
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    return max + Math.log1p(Math.exp(Math.min(u, v) - max));
  }
}
