package org.revtrace.core.recommend;

/**
 * A diminishing-returns curve of monthly credited value against monthly cost: {@code R(s) = level ×
 * (s / scale)^exponent}, with {@code 0 ≤ exponent ≤ 1} (docs/definitions/recommendations.md, "The
 * response curve").
 *
 * <p>{@code scale} is the mean cost of the months it was fitted on, so {@code level} reads as the
 * value of a month at the average cost. The exponent is the elasticity: 1% more cost gives about
 * {@code exponent}% more value; 1 is no saturation, 0 is value that does not respond to cost. The
 * marginal value of the next unit of money is {@code R'(s) = exponent × R(s) / s}.
 *
 * @param scale the cost the curve is normalised by, minor units, positive
 * @param level value at cost {@code scale}, minor units, not negative
 * @param exponent the elasticity, in [0, 1]
 */
public record ResponseCurve(double scale, double level, double exponent) {

  public ResponseCurve {
    if (!(scale > 0) || !(level >= 0) || !(exponent >= 0 && exponent <= 1)) {
      throw new IllegalArgumentException(
          "bad curve: scale " + scale + ", level " + level + ", exponent " + exponent);
    }
  }

  /** R(s): the expected monthly value at monthly cost {@code spend} (0 at no cost). */
  public double value(double spend) {
    return spend <= 0 ? 0 : level * Math.pow(spend / scale, exponent);
  }

  /**
   * R'(s): the value of one more minor unit of cost at {@code spend}; at no cost the limit
   * (infinite for 0 &lt; exponent &lt; 1).
   */
  public double marginal(double spend) {
    if (spend <= 0) {
      return exponent == 0 || level == 0
          ? 0
          : exponent == 1 ? level / scale : Double.POSITIVE_INFINITY;
    }
    return exponent * value(spend) / spend;
  }
}
