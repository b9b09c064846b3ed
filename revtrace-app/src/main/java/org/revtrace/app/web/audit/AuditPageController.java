package org.revtrace.app.web.audit;

import java.util.Map;
import org.revtrace.app.cli.AuditOptions;
import org.revtrace.app.cli.BadArgument;
import org.revtrace.app.cli.LoadedReports;
import org.revtrace.core.audit.AuditReport;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit page: the same findings, score and data map as {@code /api/v1/audit}. */
@Controller
class AuditPageController {

  private final LoadedReports reports;

  AuditPageController(LoadedReports reports) {
    this.reports = reports;
  }

  @GetMapping("/audit")
  String audit(
      @RequestParam(required = false) String currency,
      @RequestParam(name = "as_of", required = false) String asOf,
      @RequestParam(name = "sla_minutes", required = false) Long slaMinutes,
      @RequestParam(name = "stale_days", required = false) Long staleDays,
      @RequestParam(name = "feed_gap_days", required = false) Long feedGapDays,
      @RequestParam(name = "duplicate_days", required = false) Long duplicateDays,
      Model model) {
    String code = currency == null || currency.isBlank() ? "RUB" : currency;
    try {
      AuditOptions options =
          AuditView.options(asOf, slaMinutes, staleDays, feedGapDays, duplicateDays);
      AuditReport report = reports.audit(code, options);
      Map<String, Object> view = AuditView.json(report);
      model.addAttribute("audit", view);
      model.addAttribute("options", options);
    } catch (BadArgument e) {
      model.addAttribute("problem", e.getMessage());
      model.addAttribute("options", AuditOptions.defaults());
    }
    model.addAttribute("currency", code);
    model.addAttribute("asOf", asOf == null ? "" : asOf);
    model.addAttribute("version", reports.version());
    return "audit";
  }
}
