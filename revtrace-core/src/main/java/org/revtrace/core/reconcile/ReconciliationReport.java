package org.revtrace.core.reconcile;

import java.util.List;
import java.util.Objects;

/**
 * A reconciliation: one row per campaign and period, and one total row per campaign over the whole
 * range (computed from the data, not by adding up the periods, so their sums are a check).
 *
 * @param settings how it was computed
 * @param rows campaign by campaign (in name order), periods in date order
 * @param totals one row per campaign over the whole range, in name order
 * @param versionsKnown false when the input could not tell restated spend (files alone)
 * @param unconverted money rows (spend, payments, deal amounts) left out for want of a rate
 */
public record ReconciliationReport(
    ReconciliationSettings settings,
    List<ReconciliationRow> rows,
    List<ReconciliationRow> totals,
    boolean versionsKnown,
    long unconverted) {

  public ReconciliationReport {
    Objects.requireNonNull(settings, "settings");
    rows = List.copyOf(rows);
    totals = List.copyOf(totals);
  }

  /** The reporting currency. */
  public String currency() {
    return settings.currency();
  }
}
