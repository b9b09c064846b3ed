package org.revtrace.core.clv;

import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximum-likelihood fitting of positive parameters: Nelder-Mead on their logarithms.
 *
 * <p>The models' parameters are all positive, so the search runs over {@code log θ}, which removes
 * bounds and evens out scales. Nelder-Mead (Hipparchus {@link SimplexOptimizer}) needs no gradient
 * and the likelihoods are cheap once customers are grouped; the search is restarted from its own
 * optimum until the log-likelihood stops improving, the usual remedy for a collapsed simplex.
 *
 * <p>Large data sets are fitted in two stages: Nelder-Mead on a systematic subsample finds the
 * neighbourhood of the optimum cheaply, then the full data polish it — by {@link Newton} where the
 * model has derivatives, else by {@link #polish} with Powell's BOBYQA (Hipparchus {@link
 * BOBYQAOptimizer}, a trust-region method with quadratic models, far fewer evaluations than a
 * simplex near an optimum) — so the result is still the full-data maximum.
 */
final class MaximumLikelihood {

  /** A log-likelihood of positive parameters. */
  interface LogLikelihood {
    double of(double[] parameters);
  }

  private static final int MAX_EVALUATIONS = 20_000;
  private static final int MAX_RESTARTS = 5;

  private MaximumLikelihood() {}

  /**
   * The parameters maximising {@code full}: Nelder-Mead on {@code sample} (a subsample's
   * log-likelihood) from {@code start}, then BOBYQA on {@code full} from there.
   */
  static double[] fit(LogLikelihood full, LogLikelihood sample, double[] start) {
    return polish(full, fit(sample, start));
  }

  /** BOBYQA on {@code full} from {@code near} (all > 0), searching within e^±10 of it. */
  static double[] polish(LogLikelihood full, double[] near) {
    double[] point = log(near);
    double[] lower = new double[point.length];
    double[] upper = new double[point.length];
    for (int i = 0; i < point.length; i++) {
      lower[i] = point[i] - 10;
      upper[i] = point[i] + 10;
    }
    PointValuePair optimum =
        new BOBYQAOptimizer(2 * point.length + 1, 0.02, 1e-6)
            .optimize(
                new MaxEval(MAX_EVALUATIONS),
                objective(full),
                GoalType.MINIMIZE,
                new InitialGuess(point),
                new SimpleBounds(lower, upper));
    return exp(optimum.getPoint());
  }

  /** The parameters maximising {@code logLikelihood}, starting from {@code start} (all > 0). */
  static double[] fit(LogLikelihood logLikelihood, double[] start) {
    double[] point = log(start);
    double best = Double.POSITIVE_INFINITY;
    for (int restart = 0; restart <= MAX_RESTARTS; restart++) {
      SimplexOptimizer optimizer = new SimplexOptimizer(1e-12, 1e-10);
      PointValuePair optimum =
          optimizer.optimize(
              new MaxEval(MAX_EVALUATIONS),
              objective(logLikelihood),
              GoalType.MINIMIZE,
              new InitialGuess(point),
              new NelderMeadSimplex(start.length, restart == 0 ? 1.0 : 0.1));
      point = optimum.getPoint();
      boolean improved = optimum.getValue() < best - 1e-9 * Math.abs(best);
      best = Math.min(best, optimum.getValue());
      if (!improved && restart > 0) {
        break;
      }
    }
    return exp(point);
  }

  private static ObjectiveFunction objective(LogLikelihood logLikelihood) {
    return new ObjectiveFunction(
        logParameters -> {
          double value = -logLikelihood.of(exp(logParameters));
          return Double.isNaN(value) ? Double.MAX_VALUE : value;
        });
  }

  private static double[] log(double[] values) {
    double[] logs = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      logs[i] = Math.log(values[i]);
    }
    return logs;
  }

  private static double[] exp(double[] logs) {
    double[] values = new double[logs.length];
    for (int i = 0; i < logs.length; i++) {
      values[i] = Math.exp(logs[i]);
    }
    return values;
  }
}
