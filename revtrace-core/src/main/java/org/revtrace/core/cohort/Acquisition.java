package org.revtrace.core.cohort;

/** The event that makes an account a customer and places it in a cohort. */
public enum Acquisition {
  /** The account's first payment. */
  FIRST_PAYMENT,
  /**
   * The account's first won deal (its close time, else its creation time); payments before it count
   * in the acquisition period.
   */
  FIRST_WON_DEAL
}
