package org.revtrace.core.recommend;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;

/**
 * Least-squares fit of {@link ResponseCurve} to a unit's months, with the refusal rules and a pairs
 * bootstrap of the months for the uncertainty.
 *
 * <p>For a fixed exponent k the curve is linear in its level, so the level has the closed form
 * {@code a(k) = Σ y·u / Σ u²} with {@code u = (s / scale)^k}, and the residual sum of squares is
 * {@code SSE(k) = Σ y² − (Σ y·u)² / Σ u²} (the profile of the least-squares objective). SSE(k) is
 * minimised over [0, 1] by a grid of step 0.02 and Brent's method (Hipparchus {@link
 * BrentOptimizer}) between the grid neighbours of the best grid point: one smooth variable, no
 * starting guess to go wrong, and the same answer on every machine.
 */
final class CurveFitting {

  private static final int GRID = 50;

  /** A fit and, when fitted, the curves of the bootstrap replicates (for effect intervals). */
  record Fitted(CurveFit fit, ResponseCurve[] replicates) {}

  private CurveFitting() {}

  /** The least-squares curve through points of positive cost {@code spend} and value. */
  static ResponseCurve leastSquares(double[] spend, double[] value) {
    double scale = 0;
    for (double s : spend) {
      scale += s;
    }
    scale /= spend.length;
    double[] logX = new double[spend.length];
    for (int i = 0; i < spend.length; i++) {
      logX[i] = Math.log(spend[i] / scale);
    }
    double best = 0;
    double bestSse = Double.POSITIVE_INFINITY;
    int bestIndex = 0;
    for (int g = 0; g <= GRID; g++) {
      double k = (double) g / GRID;
      double sse = sse(k, logX, value);
      if (sse < bestSse) {
        bestSse = sse;
        best = k;
        bestIndex = g;
      }
    }
    double low = Math.max(0, (bestIndex - 1.0) / GRID);
    double high = Math.min(1, (bestIndex + 1.0) / GRID);
    UnivariatePointValuePair refined =
        new BrentOptimizer(1e-10, 1e-14)
            .optimize(
                new MaxEval(500),
                new UnivariateObjectiveFunction(k -> sse(k, logX, value)),
                GoalType.MINIMIZE,
                new SearchInterval(low, high, best));
    if (refined.getValue() < bestSse) {
      best = Math.min(1, Math.max(0, refined.getPoint()));
    }
    return new ResponseCurve(scale, Math.max(0, level(best, logX, value)), best);
  }

  /**
   * Fits a unit's curve from its months (costs of 0 are left out), or says why not.
   *
   * @param seed seed of this unit's bootstrap
   */
  static Fitted fit(String key, List<CurvePoint> months, RecommendSettings settings, long seed) {
    long current = currentBudget(months, settings.currentMonths());
    int n = 0;
    double[] spend = new double[months.size()];
    double[] value = new double[months.size()];
    double totalValue = 0;
    for (CurvePoint month : months) {
      if (month.cost() > 0) {
        spend[n] = month.cost();
        value[n] = month.value();
        totalValue += month.value();
        n++;
      }
    }
    spend = Arrays.copyOf(spend, n);
    value = Arrays.copyOf(value, n);
    double variation = variation(spend);
    if (n < settings.minPoints()) {
      return refused(
          key,
          FitStatus.TOO_FEW_POINTS,
          format(
              "%d months with cost, fewer than %d: too few to fit a curve",
              n, settings.minPoints()),
          months,
          variation,
          current);
    }
    if (variation < settings.minSpendVariation()) {
      return refused(
          key,
          FitStatus.NO_SPEND_VARIATION,
          format(
              "monthly cost varied by %.1f%% (coefficient of variation), under %.1f%%: the data"
                  + " cannot show how value responds to cost",
              variation * 100, settings.minSpendVariation() * 100),
          months,
          variation,
          current);
    }
    if (totalValue == 0) {
      return refused(
          key,
          FitStatus.NO_VALUE,
          "no credited value in any month with cost: nothing to fit",
          months,
          variation,
          current);
    }
    ResponseCurve curve = leastSquares(spend, value);
    ResponseCurve[] replicates = new ResponseCurve[settings.replicates()];
    SplittableRandom random = new SplittableRandom(seed);
    double[] sampleSpend = new double[n];
    double[] sampleValue = new double[n];
    double[] exponents = new double[replicates.length];
    double[] marginals = new double[replicates.length];
    for (int r = 0; r < replicates.length; r++) {
      for (int i = 0; i < n; i++) {
        int pick = random.nextInt(n);
        sampleSpend[i] = spend[pick];
        sampleValue[i] = value[pick];
      }
      replicates[r] = leastSquares(sampleSpend, sampleValue);
      exponents[r] = replicates[r].exponent();
      marginals[r] = current > 0 ? replicates[r].marginal(current) - 1 : 0;
    }
    Arrays.sort(exponents);
    Arrays.sort(marginals);
    double alpha = 1 - settings.confidence();
    boolean budgeted = current > 0;
    String reason =
        format(
            "fitted over %d months: elasticity %.2f (%.0f%% interval %.2f … %.2f)%s",
            n,
            curve.exponent(),
            settings.confidence() * 100,
            quantile(exponents, alpha / 2),
            quantile(exponents, 1 - alpha / 2),
            budgeted ? "" : "; no cost in the last months: no current budget to move");
    CurveFit fit =
        new CurveFit(
            key,
            FitStatus.FITTED,
            reason,
            months,
            variation,
            curve,
            quantile(exponents, alpha / 2),
            quantile(exponents, 1 - alpha / 2),
            current,
            budgeted ? curve.marginal(current) - 1 : null,
            budgeted ? quantile(marginals, alpha / 2) : null,
            budgeted ? quantile(marginals, 1 - alpha / 2) : null);
    return new Fitted(fit, replicates);
  }

  /** The mean monthly cost of the last {@code months} months (fewer when there are fewer). */
  static long currentBudget(List<CurvePoint> points, int months) {
    int from = Math.max(0, points.size() - months);
    long sum = 0;
    for (int i = from; i < points.size(); i++) {
      sum = Math.addExact(sum, points.get(i).cost());
    }
    int count = points.size() - from;
    return count == 0 ? 0 : Math.round((double) sum / count);
  }

  /** Hyndman–Fan type 7 quantile of sorted values, as {@code attribution.Bootstrap}. */
  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int low = (int) Math.floor(h);
    int high = Math.min(low + 1, sorted.length - 1);
    return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
  }

  private static Fitted refused(
      String key,
      FitStatus status,
      String reason,
      List<CurvePoint> months,
      double variation,
      long current) {
    return new Fitted(
        new CurveFit(
            key, status, reason, months, variation, null, null, null, current, null, null, null),
        null);
  }

  /** Coefficient of variation (population standard deviation ÷ mean); 0 for under two values. */
  private static double variation(double[] values) {
    if (values.length < 2) {
      return 0;
    }
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= values.length;
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return Math.sqrt(squares / values.length) / mean;
  }

  private static double sse(double k, double[] logX, double[] y) {
    double suu = 0;
    double syu = 0;
    double syy = 0;
    for (int i = 0; i < y.length; i++) {
      double u = Math.exp(k * logX[i]);
      suu += u * u;
      syu += y[i] * u;
      syy += y[i] * y[i];
    }
    return syy - syu * syu / suu;
  }

  private static double level(double k, double[] logX, double[] y) {
    double suu = 0;
    double syu = 0;
    for (int i = 0; i < y.length; i++) {
      double u = Math.exp(k * logX[i]);
      suu += u * u;
      syu += y[i] * u;
    }
    return syu / suu;
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
