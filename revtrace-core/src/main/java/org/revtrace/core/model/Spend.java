package org.revtrace.core.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Media spend of one day on one channel (and campaign, when known), as the ad platform reports it.
 */
public record Spend(
    LocalDate date, String channel, Utm utm, long impressions, long clicks, Money cost) {

  public Spend {
    Objects.requireNonNull(date, "date");
    Text.requireId(channel, "channel");
    utm = utm == null ? Utm.NONE : utm;
    Objects.requireNonNull(cost, "cost");
    if (impressions < 0 || clicks < 0) {
      throw new IllegalArgumentException("impressions and clicks must not be negative");
    }
  }
}
