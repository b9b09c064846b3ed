package org.revtrace.app.web.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.revtrace.app.cli.AuditOptions;
import org.revtrace.app.cli.BadArgument;
import org.revtrace.core.audit.AuditReport;
import org.revtrace.core.audit.DataMap;
import org.revtrace.core.audit.Finding;
import org.revtrace.core.model.Currencies;

/**
 * The audit as the API and the page show it: findings with their shares of revenue and spend and
 * their first ten ids (the rest through {@code /api/v1/audit/{code}/affected.csv}), the data map.
 */
public final class AuditView {

  private AuditView() {}

  /** The options from request parameters (blank: the default). */
  public static AuditOptions options(
      String asOf, Long slaMinutes, Long staleDays, Long feedGapDays, Long duplicateDays) {
    AuditOptions defaults = AuditOptions.defaults();
    LocalDate day;
    try {
      day = asOf == null || asOf.isBlank() ? null : LocalDate.parse(asOf.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new BadArgument("as_of must be a date YYYY-MM-DD, got: " + asOf);
    }
    return new AuditOptions(
        day,
        slaMinutes == null ? defaults.slaMinutes() : slaMinutes,
        staleDays == null ? defaults.staleDays() : staleDays,
        feedGapDays == null ? defaults.feedGapDays() : feedGapDays,
        duplicateDays == null ? defaults.duplicateDays() : duplicateDays);
  }

  /** The JSON body of {@code GET /api/v1/audit} (money in major units of the currency). */
  public static Map<String, Object> json(AuditReport report) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("currency", report.currency());
    body.put("score", report.score());
    body.put("checks", report.checks());
    body.put("total_revenue", major(report.totalRevenue(), report.currency()));
    body.put("total_spend", major(report.totalSpend(), report.currency()));
    List<Map<String, Object>> findings = new ArrayList<>();
    int rank = 0;
    for (Finding finding : report.findings()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("rank", ++rank);
      row.put("code", finding.code());
      row.put("horizon", finding.horizon().code());
      row.put("affected", finding.affected());
      row.put("population", finding.population());
      row.put("unit", finding.unit());
      row.put("share", finding.share());
      row.put("revenue_affected", major(finding.revenueAffected(), report.currency()));
      row.put("revenue_share", report.revenueShare(finding));
      row.put("spend_affected", major(finding.spendAffected(), report.currency()));
      row.put("spend_share", report.spendShare(finding));
      row.put("pipeline_affected", major(finding.pipelineAffected(), report.currency()));
      row.put("detail", finding.detail());
      row.put("notes", finding.notes());
      row.put("examples", finding.examples());
      row.put("affected_ids", "/api/v1/audit/" + finding.code() + "/affected.csv");
      findings.add(row);
    }
    body.put("findings", findings);
    List<Map<String, Object>> entities = new ArrayList<>();
    for (DataMap.Entity entity : report.dataMap().entities()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", entity.name());
      row.put("rows", entity.rows());
      row.put("from", entity.from() == null ? null : entity.from().toString());
      row.put("to", entity.to() == null ? null : entity.to().toString());
      entities.add(row);
    }
    List<Map<String, Object>> links = new ArrayList<>();
    for (DataMap.Link link : report.dataMap().links()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("from", link.from());
      row.put("to", link.to());
      row.put("via", link.via());
      row.put("linked", link.linked());
      row.put("total", link.total());
      row.put("coverage", link.coverage());
      links.add(row);
    }
    body.put("data_map", Map.of("entities", entities, "links", links));
    return body;
  }

  /** Minor units as a decimal number of the currency's major units. */
  static java.math.BigDecimal major(long minor, String currency) {
    return java.math.BigDecimal.valueOf(minor, Currencies.fractionDigits(currency));
  }
}
