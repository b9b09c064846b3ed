package org.revtrace.core.reconcile;

import java.util.Locale;

/**
 * A named cause of part of a gap, in the order reasons are applied (docs/definitions/
 * reconciliation.md): each explains at most what the reasons before it left.
 */
public enum ReasonCode {
  /** The platform's later report changed the numbers since they were first stored. */
  RESTATED_SPEND,
  /** The platform counts days in its own time zone; tracked facts fall into other periods. */
  TIME_ZONE,
  /** Repeated arrivals of one visitor within a session, or repeated leads of one person. */
  DUPLICATES,
  /**
   * Leads whose touch of the campaign is older than the lookback (platforms count long windows).
   */
  ATTRIBUTION_WINDOW,
  /** Leads without visitor id that join no touch, so no campaign can claim them. */
  MISSING_VISITOR_ID,
  /** Arrivals (or leads) of the campaign's channel without a campaign tag. */
  UNTAGGED_TRAFFIC;

  /** Lower snake case, as in JSON and CSV ({@code time_zone}). */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
