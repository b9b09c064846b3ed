package org.revtrace.core.audit.check;

import java.util.Optional;
import org.revtrace.core.audit.AuditInput;
import org.revtrace.core.audit.Finding;
import org.revtrace.core.audit.Horizon;
import org.revtrace.core.funnel.StuckDeal;
import org.revtrace.core.funnel.StuckDeals;

/**
 * {@code STALE_DEALS}: open deals with no stage change for longer than the funnel's stuck-after
 * setting (30 days by default) as of the audit's reference — the funnel report's stuck deals.
 * Money: their open amount, pipeline the forecast counts but nobody works.
 */
public final class StaleDeals extends Check {

  public StaleDeals() {
    super("STALE_DEALS", Horizon.QUICK_WIN);
  }

  @Override
  public Optional<Finding> run(AuditInput input) {
    StuckDeals stuck = input.funnel().stuck();
    long pipeline = 0;
    for (StuckDeal deal : stuck.deals()) {
      pipeline += input.openAmountOfDeal(deal.dealId());
    }
    return found(
        stuck.count(),
        Math.max(stuck.openDeals(), stuck.count()),
        "open deals",
        0,
        0,
        pipeline,
        stuck.deals().stream().map(StuckDeal::dealId).toList(),
        stuck.count()
            + " of "
            + stuck.openDeals()
            + " open deals ("
            + percent(stuck.count(), stuck.openDeals())
            + ") had no stage change for more than "
            + input.settings().funnel().stuckAfter().toDays()
            + " days");
  }
}
