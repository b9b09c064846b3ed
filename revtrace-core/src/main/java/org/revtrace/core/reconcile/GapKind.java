package org.revtrace.core.reconcile;

import java.util.Locale;

/** Which two numbers a gap compares: the reference (first) and the observed (second) one. */
public enum GapKind {
  /** Clicks the platform reports vs tagged arrivals (ad clicks and visits) the tracker saw. */
  CLICKS,
  /** Conversions the platform reports vs leads Revtrace ties to the campaign. */
  CONVERSIONS,
  /** Leads Revtrace ties to the campaign vs leads whose own CRM source fields name it. */
  LEADS;

  /** Lower snake case, as in JSON and CSV ({@code conversions}). */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
