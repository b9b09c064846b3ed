package org.revtrace.core.forecast;

import java.util.Objects;
import org.revtrace.core.funnel.DurationStats;
import org.revtrace.core.funnel.Ratio;

/**
 * What history says about deals in one stage, and the open pipeline sitting in it.
 *
 * @param stage the funnel stage
 * @param winRate deals closed by "as of" that were ever in this stage: won ÷ (won + lost)
 * @param timeToClose won deals that were in this stage: close − first entry into the stage
 * @param openDeals deals open at "as of" whose stage then was this one
 * @param openAmount their amounts, minor units
 * @param expected their expected revenue over all months (inside and beyond the horizon)
 */
public record StageOutlook(
    String stage,
    Ratio winRate,
    DurationStats timeToClose,
    long openDeals,
    long openAmount,
    long expected) {

  public StageOutlook {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(winRate, "winRate");
    Objects.requireNonNull(timeToClose, "timeToClose");
  }
}
