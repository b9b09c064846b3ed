package org.revtrace.core.funnel;

import java.util.List;

/**
 * Open deals with no stage change for the configured number of days as of the reference.
 *
 * @param openDeals deals open at the reference (status open, created at or before it)
 * @param deals the stuck ones, longest idle first, then by deal id
 */
public record StuckDeals(long openDeals, List<StuckDeal> deals) {

  public StuckDeals {
    deals = List.copyOf(deals);
    if (deals.size() > openDeals) {
      throw new IllegalArgumentException("more stuck deals than open deals");
    }
  }

  public long count() {
    return deals.size();
  }

  /** Stuck ÷ open deals. */
  public Ratio share() {
    return new Ratio(deals.size(), openDeals);
  }
}
