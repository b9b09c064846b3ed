package org.revtrace.app.web.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.revtrace.core.attribution.ModelComparison;
import org.revtrace.core.attribution.ModelName;
import org.revtrace.core.cohort.Cohort;
import org.revtrace.core.cohort.CohortTable;
import org.revtrace.core.funnel.FunnelReport;
import org.revtrace.core.funnel.StageMetrics;
import org.revtrace.core.metric.MetricRow;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The data of each chart as JSON for its {@code data-chart} attribute (Thymeleaf escapes it);
 * {@code static/js/dashboard.js} turns it into an ECharts option. Percentages are ×100, money in
 * major units; labels come translated through {@code text} (a message key → text).
 */
final class Charts {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Function<String, String> text;

  Charts(Function<String, String> text) {
    this.text = text;
  }

  /** Stages with the subjects that reached them and the conversion from the previous stage. */
  String funnel(FunnelReport funnel) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode stages = root.putArray("stages");
    for (StageMetrics stage : funnel.total().stages()) {
      ObjectNode node = stages.addObject();
      node.put("name", text.apply("dashboard.stage." + stage.stage()));
      node.put("value", stage.reached());
      node.put("conversion", percent(stage.fromPrevious().value()));
    }
    return JSON.writeValueAsString(root);
  }

  /** CAC (money) and ROMI (%) per month, for two axes. */
  String cacRomi(List<MetricRow> months, String currency) {
    ObjectNode root = JSON.createObjectNode();
    root.put("cacName", text.apply("dashboard.column.cac") + ", " + currency);
    root.put("romiName", text.apply("dashboard.column.romi") + ", %");
    ArrayNode keys = root.putArray("months");
    ArrayNode cac = root.putArray("cac");
    ArrayNode romi = root.putArray("romi");
    for (MetricRow month : months) {
      keys.add(month.key());
      addNumber(cac, Metric.CAC.value(month, currency));
      romi.add(percent(month.romi()));
    }
    return JSON.writeValueAsString(root);
  }

  /** Retention (%) of each monthly cohort at each age, as heatmap cells [age, cohort, value]. */
  String cohorts(CohortTable cohorts) {
    ObjectNode root = JSON.createObjectNode();
    root.put("name", text.apply("dashboard.chart.cohorts.value"));
    ArrayNode starts = root.putArray("cohorts");
    ArrayNode ages = root.putArray("ages");
    ArrayNode cells = root.putArray("cells");
    int shown = Tables.cohortAges(cohorts);
    for (int age = 0; age < shown; age++) {
      ages.add(String.valueOf(age));
    }
    List<Cohort> rows = cohorts.cohorts();
    for (int c = 0; c < rows.size(); c++) {
      Cohort cohort = rows.get(c);
      starts.add(cohort.start().toString());
      for (int age = 0; age < Math.min(shown, cohort.ages()); age++) {
        ArrayNode cell = cells.addArray();
        cell.add(age);
        cell.add(c);
        cell.add(Math.round(cohort.retention(age) * 1000) / 10.0);
      }
    }
    return JSON.writeValueAsString(root);
  }

  /** Each model's share (%) of the conversions per channel: one series per model. */
  String models(ModelComparison.Result comparison) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode channels = root.putArray("channels");
    comparison.rows().forEach(row -> channels.add(row.channel()));
    ArrayNode series = root.putArray("series");
    for (ModelName model : comparison.models()) {
      ObjectNode node = series.addObject();
      node.put("name", text.apply("dashboard.column." + model.code()));
      ArrayNode data = node.putArray("data");
      comparison.rows().forEach(row -> data.add(round(row.cell(model).share() * 100)));
    }
    return JSON.writeValueAsString(root);
  }

  /** Revenue against spend for each row of the table (channels by default). */
  String revenueAndSpend(List<MetricRow> rows, String currency) {
    ObjectNode root = JSON.createObjectNode();
    root.put("revenueName", text.apply("dashboard.column.revenue"));
    root.put("spendName", text.apply("dashboard.column.spend"));
    root.put("currency", currency);
    ArrayNode keys = root.putArray("keys");
    ArrayNode revenue = root.putArray("revenue");
    ArrayNode spend = root.putArray("spend");
    for (MetricRow row : rows) {
      keys.add(row.key());
      addNumber(revenue, Metric.REVENUE.value(row, currency));
      addNumber(spend, Metric.SPEND.value(row, currency));
    }
    return JSON.writeValueAsString(root);
  }

  private static void addNumber(ArrayNode array, Number value) {
    if (value == null) {
      array.addNull();
    } else {
      array.add(new BigDecimal(value.toString()));
    }
  }

  private static Double percent(Double fraction) {
    return fraction == null ? null : round(fraction * 100);
  }

  private static Double percent(java.util.OptionalDouble fraction) {
    return fraction.isPresent() ? round(fraction.getAsDouble() * 100) : null;
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
