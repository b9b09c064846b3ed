package org.revtrace.core.recommend;

import java.util.List;
import java.util.Objects;

/**
 * Budget moved between units by marginal ROMI and its expected effect per month
 * (docs/definitions/recommendations.md, "Reallocation").
 *
 * @param moves every unit with a fitted curve and a current budget, in key order (a change of 0
 *     included)
 * @param frozen units without a fitted curve: they keep their budget, nothing moves into or out of
 *     them
 * @param budget the monthly budget of the moving units, unchanged by the plan, minor units
 * @param totalBudget the monthly budget of every unit with cost, minor units
 * @param moved the sum of the increases (equal to the sum of the decreases), minor units
 * @param expectedValueChange Σ R(proposed) − R(current) under the fitted curves, minor units per
 *     month; not negative
 * @param expectedValueChangeLower lower bound of its bootstrap interval
 * @param expectedValueChangeUpper upper bound
 * @param probabilityOfGain the share of bootstrap replicates in which the plan gains
 * @param romiChange expectedValueChange ÷ totalBudget: the change of the whole budget's monthly
 *     ROMI
 * @param romiChangeLower lower bound
 * @param romiChangeUpper upper bound
 * @param confidence confidence of the intervals
 */
public record ReallocationPlan(
    List<BudgetMove> moves,
    List<String> frozen,
    long budget,
    long totalBudget,
    long moved,
    long expectedValueChange,
    long expectedValueChangeLower,
    long expectedValueChangeUpper,
    double probabilityOfGain,
    Double romiChange,
    Double romiChangeLower,
    Double romiChangeUpper,
    double confidence) {

  public ReallocationPlan {
    moves = List.copyOf(moves);
    frozen = List.copyOf(frozen);
    Objects.requireNonNull(moves, "moves");
  }
}
