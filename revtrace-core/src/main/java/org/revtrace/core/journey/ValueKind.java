package org.revtrace.core.journey;

/** The money values a conversion carries, each attributed with the same weights as the count. */
public enum ValueKind {
  /** Won revenue: the deal's payments, else its amount (0 for goals before won). */
  REVENUE,
  /** The won deal's contract amount, for the average deal. */
  AMOUNT,
  /** All revenue of the deal's account over the data: the historical LTV of the customer. */
  LIFETIME
}
