package org.revtrace.app.demo;

/** How far an account's journey goes inside the window. */
enum Outcome {
  NO_LEAD,
  LEAD_ONLY,
  MQL_ONLY,
  LOST,
  OPEN,
  WON;

  boolean hasLead() {
    return this != NO_LEAD;
  }

  boolean hasMql() {
    return this != NO_LEAD && this != LEAD_ONLY;
  }

  boolean hasDeal() {
    return this == LOST || this == OPEN || this == WON;
  }
}
