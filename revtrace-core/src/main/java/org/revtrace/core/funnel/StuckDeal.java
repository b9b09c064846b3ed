package org.revtrace.core.funnel;

import java.time.Instant;
import java.util.Objects;

/**
 * An open deal that has not changed stage for too long.
 *
 * @param dealId the deal
 * @param stage its stage as written in the data (its last change, else its current stage), or
 *     {@code (none)}
 * @param lastChange its last stage change at or before the reference, else its creation
 * @param idleDays whole days from the last change to the reference
 */
public record StuckDeal(String dealId, String stage, Instant lastChange, long idleDays) {

  public StuckDeal {
    Objects.requireNonNull(dealId, "dealId");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(lastChange, "lastChange");
  }
}
