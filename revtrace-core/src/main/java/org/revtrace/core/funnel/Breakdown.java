package org.revtrace.core.funnel;

/** What the funnel is split by. */
public enum Breakdown {
  /** The lead's own channel (a deal's: its lead's; see docs/definitions/funnel.md). */
  CHANNEL,
  /** The account's industry. */
  INDUSTRY,
  /** The account's size band. */
  SIZE,
  /** The account's region. */
  REGION,
  /** The account's tier (ABM). */
  TIER,
  /** The deal's product; leads without a deal have none. */
  PRODUCT
}
