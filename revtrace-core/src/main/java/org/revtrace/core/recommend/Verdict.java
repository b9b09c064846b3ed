package org.revtrace.core.recommend;

/** What to do with a channel or campaign (docs/definitions/recommendations.md, "Rating"). */
public enum Verdict {
  /** Pays back with confidence and its customers are worth three times their cost: add budget. */
  SCALE,
  /**
   * Neither clearly scalable nor clearly losing: keep and improve (targeting, offer, follow-up).
   */
  OPTIMISE,
  /** Loses money even at the top of its interval, with no pipeline or lifetime value to save it. */
  CUT,
  /** No cost to judge against, or too few customers and leads to tell: not rated. */
  NOT_ENOUGH_DATA
}
