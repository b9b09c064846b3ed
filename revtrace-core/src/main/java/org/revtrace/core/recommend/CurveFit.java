package org.revtrace.core.recommend;

import java.util.List;
import java.util.Objects;

/**
 * A unit's response curve, or why there is none, and its marginal ROMI at the current budget.
 *
 * @param key the channel, or {@code channel / campaign}
 * @param status fitted, or why not
 * @param reason the status in words, with the numbers
 * @param points the months of the period (those with cost are fitted)
 * @param spendVariation coefficient of variation of the cost over the months with cost
 * @param curve the least-squares curve; null unless fitted
 * @param exponentLower lower bound of the exponent's bootstrap interval; null unless fitted
 * @param exponentUpper upper bound; null unless fitted
 * @param currentBudget the mean monthly cost of the last {@code currentMonths} months, minor units
 * @param marginalRomi R'(current budget) − 1: what the next rouble returns net of itself; null
 *     unless fitted
 * @param marginalRomiLower lower bound of its bootstrap interval
 * @param marginalRomiUpper upper bound
 */
public record CurveFit(
    String key,
    FitStatus status,
    String reason,
    List<CurvePoint> points,
    double spendVariation,
    ResponseCurve curve,
    Double exponentLower,
    Double exponentUpper,
    long currentBudget,
    Double marginalRomi,
    Double marginalRomiLower,
    Double marginalRomiUpper) {

  public CurveFit {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    points = List.copyOf(points);
    if ((status == FitStatus.FITTED) != (curve != null)) {
      throw new IllegalArgumentException(key + ": a curve exactly when fitted");
    }
  }
}
