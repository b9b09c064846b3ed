package org.revtrace.core.recommend;

import java.util.Objects;

/**
 * What the rating reads about one channel or campaign over the period, all credited by the chosen
 * attribution model; money in minor units of the report currency.
 *
 * @param key the channel, or {@code channel / campaign}
 * @param marketingCost ROMI's cost base (a campaign's media spend)
 * @param revenue credited won revenue
 * @param revenueLower lower bound of the credited revenue's bootstrap interval
 * @param revenueUpper upper bound of the credited revenue's bootstrap interval
 * @param customers credited won deals
 * @param leads credited leads
 * @param ltvToCac LTV ÷ CAC, null when undefined (no customers or no cost)
 * @param pipeline credited expected value of the deals created in the period and open at "as of":
 *     amount × the win probability of their stage
 */
public record UnitFacts(
    String key,
    long marketingCost,
    long revenue,
    double revenueLower,
    double revenueUpper,
    double customers,
    double leads,
    Double ltvToCac,
    long pipeline) {

  public UnitFacts {
    Objects.requireNonNull(key, "key");
    if (marketingCost < 0 || revenue < 0 || pipeline < 0) {
      throw new IllegalArgumentException(key + ": negative cost, revenue or pipeline");
    }
  }
}
