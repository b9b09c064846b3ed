package org.revtrace.core.clv;

import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximum-likelihood fitting of positive parameters: Nelder-Mead on their logarithms.
 *
 * <p>The models' parameters are all positive, so the search runs over {@code log θ}, which removes
 * bounds and evens out scales. Nelder-Mead (Hipparchus {@link SimplexOptimizer}) needs no gradient
 * and the likelihoods are cheap once customers are grouped; the search is restarted from its own
 * optimum until the log-likelihood stops improving, the usual remedy for a collapsed simplex.
 */
final class MaximumLikelihood {

  /** A log-likelihood of positive parameters. */
  interface LogLikelihood {
    double of(double[] parameters);
  }

  private static final int MAX_EVALUATIONS = 20_000;
  private static final int MAX_RESTARTS = 5;

  private MaximumLikelihood() {}

  /** The parameters maximising {@code logLikelihood}, starting from {@code start} (all > 0). */
  static double[] fit(LogLikelihood logLikelihood, double[] start) {
    double[] point = new double[start.length];
    for (int i = 0; i < start.length; i++) {
      point[i] = Math.log(start[i]);
    }
    double best = Double.POSITIVE_INFINITY;
    for (int restart = 0; restart <= MAX_RESTARTS; restart++) {
      SimplexOptimizer optimizer = new SimplexOptimizer(1e-12, 1e-10);
      PointValuePair optimum =
          optimizer.optimize(
              new MaxEval(MAX_EVALUATIONS),
              new ObjectiveFunction(
                  logParameters -> {
                    double value = -logLikelihood.of(exp(logParameters));
                    return Double.isNaN(value) ? Double.MAX_VALUE : value;
                  }),
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

  private static double[] exp(double[] logs) {
    double[] values = new double[logs.length];
    for (int i = 0; i < logs.length; i++) {
      values[i] = Math.exp(logs[i]);
    }
    return values;
  }
}
