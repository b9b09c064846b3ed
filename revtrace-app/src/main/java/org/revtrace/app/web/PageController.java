package org.revtrace.app.web;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.revtrace.app.cli.LoadedReports;
import org.revtrace.app.cli.ReportOptions;
import org.revtrace.core.metric.MetricRow;
import org.revtrace.core.metric.Report;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page and a plain home page listing channels and campaigns until the dashboard lands.
 */
@Controller
class PageController {

  private final LoadedReports reports;

  PageController(LoadedReports reports) {
    this.reports = reports;
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }

  @GetMapping("/")
  String home(Model model) {
    Report report = reports.report(ReportOptions.json(null, null, null, null, null, null));
    List<String> campaigns = new ArrayList<>();
    new TreeMap<>(report.campaignsByChannel())
        .forEach((channel, rows) -> rows.stream().map(MetricRow::key).forEach(campaigns::add));
    model.addAttribute("report", report);
    model.addAttribute("campaigns", campaigns);
    return "home";
  }
}
