package org.revtrace.core.audit;

/**
 * When a finding can be fixed, which orders the audit's list: quick wins first (a setting, a rule
 * or a clean-up an analyst does in a day), then mid-term work (a process or integration change over
 * weeks), then strategic changes (how teams work, what is tracked at all).
 */
public enum Horizon {
  QUICK_WIN,
  MID_TERM,
  STRATEGIC;

  /** {@code quick_win}, {@code mid_term}, {@code strategic}. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
