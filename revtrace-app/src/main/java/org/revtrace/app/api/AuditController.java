package org.revtrace.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.revtrace.app.cli.LoadedReports;
import org.revtrace.app.web.audit.AuditView;
import org.revtrace.app.web.export.SpreadsheetText;
import org.revtrace.core.audit.AuditReport;
import org.revtrace.core.audit.Finding;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The data audit (docs/definitions/audit.md) and the ids each finding affects. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

  private final LoadedReports reports;

  AuditController(LoadedReports reports) {
    this.reports = reports;
  }

  @Operation(summary = "The data audit: findings in priority order, score and data map.")
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> audit(
      @Parameter(description = "Reporting currency (default RUB).") @RequestParam(required = false)
          String currency,
      @Parameter(description = "As of this day, YYYY-MM-DD (default: the data's end).")
          @RequestParam(name = "as_of", required = false)
          String asOf,
      @RequestParam(name = "sla_minutes", required = false) Long slaMinutes,
      @RequestParam(name = "stale_days", required = false) Long staleDays,
      @RequestParam(name = "feed_gap_days", required = false) Long feedGapDays,
      @RequestParam(name = "duplicate_days", required = false) Long duplicateDays) {
    return AuditView.json(
        report(currency, asOf, slaMinutes, staleDays, feedGapDays, duplicateDays));
  }

  @Operation(summary = "Every id a finding affects, one per line (CSV), to fix them at the source.")
  @GetMapping(path = "/{code}/affected.csv")
  ResponseEntity<byte[]> affected(
      @PathVariable String code,
      @RequestParam(required = false) String currency,
      @RequestParam(name = "as_of", required = false) String asOf,
      @RequestParam(name = "sla_minutes", required = false) Long slaMinutes,
      @RequestParam(name = "stale_days", required = false) Long staleDays,
      @RequestParam(name = "feed_gap_days", required = false) Long feedGapDays,
      @RequestParam(name = "duplicate_days", required = false) Long duplicateDays) {
    AuditReport report = report(currency, asOf, slaMinutes, staleDays, feedGapDays, duplicateDays);
    if (!report.checks().contains(code)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no audit check " + code);
    }
    StringBuilder csv = new StringBuilder("\uFEFFid\r\n");
    for (String id : report.finding(code).map(Finding::affectedIds).orElse(java.util.List.of())) {
      csv.append(quoted(SpreadsheetText.neutralized(id))).append("\r\n");
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"audit-" + code.toLowerCase(java.util.Locale.ROOT) + ".csv\"")
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  private AuditReport report(
      String currency,
      String asOf,
      Long slaMinutes,
      Long staleDays,
      Long feedGapDays,
      Long duplicateDays) {
    return reports.audit(
        currency == null || currency.isBlank() ? "RUB" : currency,
        AuditView.options(asOf, slaMinutes, staleDays, feedGapDays, duplicateDays));
  }

  private static String quoted(String value) {
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }
}
