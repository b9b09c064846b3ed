package org.revtrace.core.clv;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * Newton-Raphson polishing of a maximum-likelihood estimate that is already close: each step solves
 * H·d = −g (Hipparchus Cholesky on −H), halving the step until the log-likelihood does not fall and
 * the parameters stay positive. Near the optimum it converges quadratically, in a handful of passes
 * over the data where a derivative-free method needs dozens.
 */
final class Newton {

  /** A log-likelihood with its gradient and Hessian. */
  interface Smooth {
    /** The log-likelihood at {@code parameters}; fills {@code gradient} (length n). */
    double valueAndGradient(double[] parameters, double[] gradient);

    /** The Hessian at {@code parameters}; the default takes forward differences of the gradient. */
    default double[][] hessian(double[] parameters, double[] gradient) {
      int n = parameters.length;
      double[][] hessian = new double[n][n];
      double[] shifted = new double[n];
      for (int j = 0; j < n; j++) {
        double[] point = parameters.clone();
        double h = 1e-6 * Math.max(1e-3, Math.abs(parameters[j]));
        point[j] += h;
        valueAndGradient(point, shifted);
        for (int i = 0; i < n; i++) {
          hessian[i][j] = (shifted[i] - gradient[i]) / h;
        }
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < i; j++) {
          double mean = (hessian[i][j] + hessian[j][i]) / 2;
          hessian[i][j] = mean;
          hessian[j][i] = mean;
        }
      }
      return hessian;
    }
  }

  private static final int MAX_ITERATIONS = 50;
  private static final double RELATIVE_STEP = 1e-10;

  private Newton() {}

  /**
   * Solves (−H + λ·diag|H|) d = g with the smallest λ in 0, 10⁻⁶, 10⁻⁵, … that makes the matrix
   * positive definite (Levenberg-Marquardt damping: far from the optimum, where the likelihood is
   * not concave, the step bends towards scaled gradient ascent); null if none does.
   */
  private static RealVector direction(double[][] hessian, double[] gradient) {
    int n = gradient.length;
    for (double damping = 0; damping < 1e9; damping = damping == 0 ? 1e-6 : damping * 10) {
      Array2DRowRealMatrix matrix = new Array2DRowRealMatrix(n, n);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          matrix.setEntry(i, j, -hessian[i][j]);
        }
        matrix.addToEntry(i, i, damping * Math.max(Math.abs(hessian[i][i]), 1e-12));
      }
      try {
        return new CholeskyDecomposition(matrix, 1e-8, 1e-300)
            .getSolver()
            .solve(new ArrayRealVector(gradient));
      } catch (MathIllegalArgumentException notDefinite) {
        // more damping
      }
    }
    return null;
  }

  /**
   * The maximum near {@code start}, or null when no damping makes a step direction or it has not
   * converged in 50 steps (the caller then falls back to a derivative-free search).
   */
  static double[] maximise(Smooth function, double[] start) {
    int n = start.length;
    double[] point = start.clone();
    double[] gradient = new double[n];
    double value = function.valueAndGradient(point, gradient);
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      RealVector direction = direction(function.hessian(point, gradient), gradient);
      if (direction == null) {
        return null;
      }
      double step = 1;
      double[] candidate = new double[n];
      double[] candidateGradient = new double[n];
      while (true) {
        boolean positive = true;
        double relative = 0;
        for (int i = 0; i < n; i++) {
          double move = step * direction.getEntry(i);
          candidate[i] = point[i] + move;
          positive &= candidate[i] > 0;
          relative = Math.max(relative, Math.abs(move) / point[i]);
        }
        if (relative < RELATIVE_STEP) {
          return point;
        }
        if (positive) {
          double candidateValue = function.valueAndGradient(candidate, candidateGradient);
          if (candidateValue >= value - 1e-12 * Math.abs(value)) {
            point = candidate.clone();
            gradient = candidateGradient.clone();
            value = candidateValue;
            if (relative < 1e-9) {
              return point;
            }
            break;
          }
        }
        step /= 2;
      }
    }
    return null;
  }
}
