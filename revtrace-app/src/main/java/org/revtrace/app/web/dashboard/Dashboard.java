package org.revtrace.app.web.dashboard;

import java.util.List;
import org.revtrace.core.cohort.CohortTable;
import org.revtrace.core.funnel.FunnelReport;
import org.revtrace.core.journey.PathAnalysis;
import org.revtrace.core.metric.MetricRow;
import org.revtrace.core.metric.Report;

/**
 * Everything the dashboard page shows for one set of filters, computed once per request and handed
 * to every section.
 *
 * @param previous the report of the equally long period just before, or null without a period
 * @param rows the rows of the filters' breakdown (channels by default)
 * @param months the report by month, for CAC and ROMI over time
 */
record Dashboard(
    DashboardFilters filters,
    Report report,
    Report previous,
    List<MetricRow> rows,
    List<MetricRow> months,
    FunnelReport funnel,
    CohortTable cohorts,
    PathAnalysis paths) {

  Dashboard {
    rows = List.copyOf(rows);
    months = List.copyOf(months);
  }

  /** Whether the rows are channels, which drill down into their campaigns. */
  boolean drillsDown() {
    return filters.breakdown().equals("channel");
  }
}
