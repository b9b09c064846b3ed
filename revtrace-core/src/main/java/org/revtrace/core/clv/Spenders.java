package org.revtrace.core.clv;

import org.hipparchus.special.Gamma;

/**
 * The Gamma-Gamma log-likelihood with its derivatives, over customers with {@code x > 0, zbar > 0},
 * with the data-only sums precomputed.
 */
final class Spenders implements Newton.Smooth {

  /**
   * Spenders per chunk of the parallel sum; fixed so the summation order never depends on cores.
   */
  private static final int CHUNK = 8192;

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

  /**
   * The log-likelihood and its gradient in (p, q, γ), with u = γ + x·zbar: ∂/∂p = Σ x(ψ(px+q) −
   * ψ(px) + ln zbar + ln x − ln u), ∂/∂q = Σ (ψ(px+q) − ψ(q) + ln γ − ln u), ∂/∂γ = Σ (q/γ −
   * (px+q)/u).
   */
  @Override
  public double valueAndGradient(double[] parameters, double[] gradient) {
    double[] sums = sums(parameters);
    double p = parameters[0];
    double q = parameters[1];
    double gamma = parameters[2];
    double value =
        p * pCoefficient - logZbarSum + sums[S_CONSTANT] - sums[S_XLOGU] * p - sums[S_LOGU] * q;
    gradient[0] = sums[S_DP] + pCoefficient - sums[S_XLOGU];
    gradient[1] = sums[S_DQ] - sums[S_LOGU];
    gradient[2] = size * q / gamma - p * sums[S_X_U] - q * sums[S_1_U];
    return value;
  }

  /**
   * The Hessian: ∂²/∂p² = Σ x²(ψ′(px+q) − ψ′(px)), ∂²/∂p∂q = Σ x ψ′(px+q), ∂²/∂q² = Σ (ψ′(px+q) −
   * ψ′(q)), ∂²/∂p∂γ = −Σ x/u, ∂²/∂q∂γ = Σ (1/γ − 1/u), ∂²/∂γ² = Σ (−q/γ² + (px+q)/u²).
   */
  @Override
  public double[][] hessian(double[] parameters, double[] gradient) {
    double[] sums = sums(parameters);
    double p = parameters[0];
    double q = parameters[1];
    double gamma = parameters[2];
    double pq = sums[S_DPQ];
    double pg = -sums[S_X_U];
    double qg = size / gamma - sums[S_1_U];
    return new double[][] {
      {sums[S_DPP], pq, pg},
      {pq, sums[S_DQQ], qg},
      {pg, qg, -size * q / (gamma * gamma) + p * sums[S_X_U2] + q * sums[S_1_U2]}
    };
  }

  private static final int S_CONSTANT = 0;
  private static final int S_XLOGU = 1;
  private static final int S_LOGU = 2;
  private static final int S_DP = 3;
  private static final int S_DQ = 4;
  private static final int S_X_U = 5;
  private static final int S_1_U = 6;
  private static final int S_X_U2 = 7;
  private static final int S_1_U2 = 8;
  private static final int S_DPP = 9;
  private static final int S_DPQ = 10;
  private static final int S_DQQ = 11;

  /** Per-spender sums shared by value, gradient and Hessian. */
  private double[] sums(double[] parameters) {
    double p = parameters[0];
    double q = parameters[1];
    double gamma = parameters[2];
    double[] constant = new double[maxX + 1];
    double[] dp = new double[maxX + 1];
    double[] dq = new double[maxX + 1];
    double[] dpp = new double[maxX + 1];
    double[] dpq = new double[maxX + 1];
    double[] dqq = new double[maxX + 1];
    double base = -Gamma.logGamma(q) + q * Math.log(gamma);
    double digammaQ = Gamma.digamma(q);
    double trigammaQ = Gamma.trigamma(q);
    for (int v = 1; v <= maxX; v++) {
      constant[v] = Gamma.logGamma(p * v + q) - Gamma.logGamma(p * v) + base;
      double digammaAll = Gamma.digamma(p * v + q);
      double trigammaAll = Gamma.trigamma(p * v + q);
      dp[v] = v * (digammaAll - Gamma.digamma(p * v));
      dq[v] = digammaAll - digammaQ + Math.log(gamma);
      dpp[v] = v * v * (trigammaAll - Gamma.trigamma(p * v));
      dpq[v] = v * trigammaAll;
      dqq[v] = trigammaAll - trigammaQ;
    }
    double[] total =
        ChunkedSums.of(
            size,
            CHUNK,
            12,
            (from, to, out) -> {
              for (int i = from; i < to; i++) {
                int v = x[i];
                double u = gamma + v * zbar[i];
                double logU = Math.log(u);
                double inverse = 1 / u;
                out[S_CONSTANT] += constant[v];
                out[S_XLOGU] += v * logU;
                out[S_LOGU] += logU;
                out[S_DP] += dp[v];
                out[S_DQ] += dq[v];
                out[S_X_U] += v * inverse;
                out[S_1_U] += inverse;
                out[S_X_U2] += v * inverse * inverse;
                out[S_1_U2] += inverse * inverse;
                out[S_DPP] += dpp[v];
                out[S_DPQ] += dpq[v];
                out[S_DQQ] += dqq[v];
              }
            });
    return total;
  }

  double logLikelihood(double p, double q, double gamma) {
    double[] byX = new double[maxX + 1];
    double constant = -Gamma.logGamma(q) + q * Math.log(gamma);
    for (int v = 1; v <= maxX; v++) {
      byX[v] = Gamma.logGamma(p * v + q) - Gamma.logGamma(p * v) + constant;
    }
    double sum =
        p * pCoefficient
            - logZbarSum
            + ChunkedSums.of(
                size,
                CHUNK,
                1,
                (from, to, out) -> {
                  for (int i = from; i < to; i++) {
                    out[0] += byX[x[i]] - (p * x[i] + q) * Math.log(gamma + x[i] * zbar[i]);
                  }
                })[0];
    return sum;
  }
}
