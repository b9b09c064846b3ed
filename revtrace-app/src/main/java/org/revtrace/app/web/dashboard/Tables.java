package org.revtrace.app.web.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.revtrace.core.attribution.ModelComparison;
import org.revtrace.core.attribution.ModelName;
import org.revtrace.core.cohort.Cohort;
import org.revtrace.core.cohort.CohortTable;
import org.revtrace.core.funnel.FunnelReport;
import org.revtrace.core.funnel.StageMetrics;
import org.revtrace.core.journey.ChannelPath;
import org.revtrace.core.journey.PathAnalysis;
import org.revtrace.core.metric.MetricRow;
import org.revtrace.core.model.Currencies;

/** Builds the dashboard's {@link Table}s from the engines' results. */
final class Tables {

  /** Months since acquisition the cohort table shows, as {@code revtrace cohorts}. */
  static final int COHORT_AGES = 12;

  private Tables() {}

  /** Report rows keyed by {@code keyCode} with every {@link Metric}, then the totals. */
  static Table rows(
      String name, String keyCode, List<MetricRow> rows, MetricRow totals, String currency) {
    List<Table.Column> columns = new ArrayList<>();
    columns.add(new Table.Column(keyCode, Table.Kind.TEXT));
    for (Metric metric : Metric.values()) {
      columns.add(new Table.Column(metric.code(), metric.kind()));
    }
    List<Table.Row> tableRows = new ArrayList<>();
    rows.forEach(row -> tableRows.add(metricRow(row, row.key(), currency, false)));
    tableRows.add(metricRow(totals, "total", currency, true));
    return new Table(name, columns, tableRows);
  }

  /**
   * Every campaign with its channel in a column of its own, in channel order; no total row, since
   * campaign rows carry media spend only (docs/definitions/metrics.md).
   */
  static Table campaigns(Map<String, List<MetricRow>> campaignsByChannel, String currency) {
    List<Table.Column> columns = new ArrayList<>();
    columns.add(new Table.Column("channel", Table.Kind.TEXT));
    columns.add(new Table.Column("campaign", Table.Kind.TEXT));
    for (Metric metric : Metric.values()) {
      columns.add(new Table.Column(metric.code(), metric.kind()));
    }
    List<Table.Row> rows = new ArrayList<>();
    new TreeMap<>(campaignsByChannel)
        .forEach(
            (channel, campaigns) ->
                campaigns.forEach(
                    campaign -> {
                      List<Object> cells = new ArrayList<>();
                      cells.add(channel);
                      cells.addAll(metricRow(campaign, campaign.key(), currency, false).cells());
                      rows.add(new Table.Row(cells, false));
                    }));
    return new Table("campaigns", columns, rows);
  }

  private static Table.Row metricRow(MetricRow row, String key, String currency, boolean total) {
    List<Object> cells = new ArrayList<>();
    cells.add(key);
    for (Metric metric : Metric.values()) {
      cells.add(metric.value(row, currency));
    }
    return new Table.Row(cells, total);
  }

  /** Each stage: reached, conversion from the previous and the first stage, drop-off, days. */
  static Table funnel(FunnelReport funnel) {
    List<Table.Column> columns =
        List.of(
            new Table.Column("stage", Table.Kind.TEXT),
            new Table.Column("reached", Table.Kind.COUNT),
            new Table.Column("from_previous", Table.Kind.PERCENT),
            new Table.Column("from_first", Table.Kind.PERCENT),
            new Table.Column("drop_off", Table.Kind.COUNT),
            new Table.Column("median_days_in_stage", Table.Kind.DAYS));
    List<Table.Row> rows = new ArrayList<>();
    for (StageMetrics stage : funnel.total().stages()) {
      List<Object> cells = new ArrayList<>();
      cells.add(stage.stage());
      cells.add(stage.reached());
      cells.add(ratio(stage.fromPrevious().value()));
      cells.add(ratio(stage.fromFirst().value()));
      cells.add(stage.dropOff());
      cells.add(stage.timeInStage().median() == null ? null : stage.timeInStage().medianDays());
      rows.add(new Table.Row(cells, false));
    }
    return new Table("funnel", columns, rows);
  }

  /** One row per monthly cohort: its customers and the retention at each age. */
  static Table cohorts(CohortTable cohorts) {
    int ages = cohortAges(cohorts);
    List<Table.Column> columns = new ArrayList<>();
    columns.add(new Table.Column("cohort", Table.Kind.TEXT));
    columns.add(new Table.Column("customers", Table.Kind.COUNT));
    for (int age = 0; age < ages; age++) {
      columns.add(new Table.Column("month_" + age, Table.Kind.PERCENT));
    }
    List<Table.Row> rows = new ArrayList<>();
    for (Cohort cohort : cohorts.cohorts()) {
      List<Object> cells = new ArrayList<>();
      cells.add(cohort.start().toString());
      cells.add(cohort.size());
      for (int age = 0; age < ages; age++) {
        cells.add(age < cohort.ages() ? (Object) cohort.retention(age) : null);
      }
      rows.add(new Table.Row(cells, false));
    }
    return new Table("cohorts", columns, rows);
  }

  /** The ages shown: up to {@link #COHORT_AGES}, as far as the oldest cohort reaches. */
  static int cohortAges(CohortTable cohorts) {
    return Math.min(COHORT_AGES, cohorts.cohorts().stream().mapToInt(Cohort::ages).max().orElse(0));
  }

  /** The most common paths to won deals with their journeys, won deals, revenue, cost and ROI. */
  static Table paths(PathAnalysis paths, String currency) {
    List<Table.Column> columns =
        List.of(
            new Table.Column("path", Table.Kind.TEXT),
            new Table.Column("journeys", Table.Kind.COUNT),
            new Table.Column("won", Table.Kind.COUNT),
            new Table.Column("conversion", Table.Kind.PERCENT),
            new Table.Column("revenue", Table.Kind.MONEY),
            new Table.Column("cost", Table.Kind.MONEY),
            new Table.Column("roi", Table.Kind.PERCENT));
    List<Table.Row> rows = new ArrayList<>();
    for (ChannelPath path : paths.paths().stream().limit(Dashboards.TOP_PATHS).toList()) {
      List<Object> cells = new ArrayList<>();
      cells.add(path.text());
      cells.add(path.journeys());
      cells.add(path.won());
      cells.add(path.conversionRate());
      cells.add(major(path.revenue(), currency));
      cells.add(major(path.cost(), currency));
      cells.add(path.roi().isPresent() ? (Object) path.roi().getAsDouble() : null);
      rows.add(new Table.Row(cells, false));
    }
    return new Table("paths", columns, rows);
  }

  /** Each channel's share of the conversions under every model, one column per model. */
  static Table models(ModelComparison.Result comparison) {
    List<Table.Column> columns = new ArrayList<>();
    columns.add(new Table.Column("channel", Table.Kind.TEXT));
    for (ModelName model : comparison.models()) {
      columns.add(new Table.Column(model.code(), Table.Kind.PERCENT));
    }
    List<Table.Row> rows = new ArrayList<>();
    for (ModelComparison.Row row : comparison.rows()) {
      List<Object> cells = new ArrayList<>();
      cells.add(row.channel());
      row.cells().forEach(cell -> cells.add(cell.share()));
      rows.add(new Table.Row(cells, false));
    }
    return new Table("models", columns, rows);
  }

  private static Double ratio(java.util.OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }

  private static BigDecimal major(long minor, String currency) {
    return BigDecimal.valueOf(minor, Currencies.fractionDigits(currency));
  }
}
