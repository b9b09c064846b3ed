package org.revtrace.core.recommend;

import java.util.List;
import java.util.Objects;

/**
 * The verdict on one channel or campaign with the reasons and the numbers behind it. Ratios are
 * fractions (0.5 = 50%); a ratio is null when its denominator is zero.
 *
 * @param key the channel, or {@code channel / campaign}
 * @param verdict what to do
 * @param reasons why, in the order the rules were checked
 * @param marketingCost ROMI's cost base, minor units
 * @param revenue credited won revenue, minor units
 * @param romi (revenue − cost) ÷ cost
 * @param romiLower ROMI at the lower bound of the revenue's bootstrap interval
 * @param romiUpper ROMI at the upper bound
 * @param ltvToCac LTV ÷ CAC
 * @param customers credited won deals
 * @param leads credited leads
 * @param leadToCustomer customers ÷ leads
 * @param pipeline credited expected value of the open deals, minor units
 * @param pipelineWeightedRomi (revenue + pipeline − cost) ÷ cost
 */
public record Rating(
    String key,
    Verdict verdict,
    List<Reason> reasons,
    long marketingCost,
    long revenue,
    Double romi,
    Double romiLower,
    Double romiUpper,
    Double ltvToCac,
    double customers,
    double leads,
    Double leadToCustomer,
    long pipeline,
    Double pipelineWeightedRomi) {

  public Rating {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(verdict, "verdict");
    reasons = List.copyOf(reasons);
  }
}
