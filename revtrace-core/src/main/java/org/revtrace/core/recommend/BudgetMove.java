package org.revtrace.core.recommend;

import java.util.Objects;

/**
 * The proposed monthly budget of one unit whose curve was fitted.
 *
 * @param key the channel, or {@code channel / campaign}
 * @param currentBudget mean monthly cost of the last months, minor units
 * @param proposedBudget the budget after the reallocation, minor units
 * @param change proposed − current, minor units
 * @param marginalRomiBefore R'(current) − 1
 * @param marginalRomiAfter R'(proposed) − 1
 * @param expectedValueChange R(proposed) − R(current), minor units per month
 */
public record BudgetMove(
    String key,
    long currentBudget,
    long proposedBudget,
    long change,
    double marginalRomiBefore,
    double marginalRomiAfter,
    long expectedValueChange) {

  public BudgetMove {
    Objects.requireNonNull(key, "key");
    if (proposedBudget - currentBudget != change) {
      throw new IllegalArgumentException(key + ": change is not proposed − current");
    }
  }
}
