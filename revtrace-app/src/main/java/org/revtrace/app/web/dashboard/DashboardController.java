package org.revtrace.app.web.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.revtrace.app.cli.BadArgument;
import org.revtrace.core.attribution.ModelComparison;
import org.revtrace.core.attribution.ModelName;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard (docs/dashboard.md): the page, the report body the filter bar swaps in with htmx, a
 * channel's campaign rows for the drill-down, and the model comparison loaded after the page. A bad
 * filter answers 400 with the message shown where the report would be.
 */
@Controller
class DashboardController {

  static final List<String> GOALS = List.of("lead", "mql", "sql", "opportunity", "won");
  static final List<String> LEVELS = List.of("person", "account");
  static final List<String> BREAKDOWNS =
      List.of(
          "channel",
          "source",
          "campaign",
          "month",
          "industry",
          "size",
          "region",
          "tier",
          "product");
  static final List<String> CURRENCIES = List.of("RUB", "USD", "EUR");

  private final Dashboards dashboards;
  private final MessageSource messages;

  DashboardController(Dashboards dashboards, MessageSource messages) {
    this.dashboards = dashboards;
    this.messages = messages;
  }

  @GetMapping("/")
  String dashboard(
      @RequestParam Map<String, String> parameters,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      @RequestHeader(name = "HX-History-Restore-Request", required = false) String restore,
      Locale locale,
      Model model,
      HttpServletResponse response) {
    DashboardFilters filters = DashboardFilters.of(parameters);
    if (!parameters.containsKey("from") && !parameters.containsKey("to")) {
      filters = dashboards.withDefaultPeriod(filters);
    }
    addFilterBar(filters, model);
    try {
      addReport(dashboards.dashboard(filters), locale, model);
    } catch (BadArgument error) {
      model.addAttribute("error", error.getMessage());
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }
    response.setHeader("Vary", "HX-Request");
    boolean fragment = "true".equals(htmx) && !"true".equals(restore);
    return fragment ? "dashboard :: report" : "dashboard";
  }

  @GetMapping("/dashboard/campaigns")
  String campaigns(
      @RequestParam Map<String, String> parameters,
      @RequestParam String channel,
      Locale locale,
      Model model,
      HttpServletResponse response) {
    DashboardFilters filters = DashboardFilters.of(parameters);
    try {
      Table campaigns = dashboards.campaigns(filters, channel);
      CellFormat format = new CellFormat(locale, filters.currencyCode());
      model.addAttribute("campaigns", TableView.of(campaigns, format));
    } catch (BadArgument error) {
      model.addAttribute("error", error.getMessage());
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }
    return "dashboard-campaigns :: campaign-rows";
  }

  @GetMapping("/dashboard/models")
  String models(
      @RequestParam Map<String, String> parameters,
      Locale locale,
      Model model,
      HttpServletResponse response) {
    DashboardFilters filters = DashboardFilters.of(parameters);
    model.addAttribute("filters", filters);
    try {
      ModelComparison.Result comparison = dashboards.models(filters);
      CellFormat format = new CellFormat(locale, filters.currencyCode());
      model.addAttribute("modelTable", TableView.of(Tables.models(comparison), format));
      model.addAttribute("modelChart", charts(locale).models(comparison));
    } catch (BadArgument error) {
      model.addAttribute("error", error.getMessage());
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }
    return "dashboard-models :: models";
  }

  private static void addFilterBar(DashboardFilters filters, Model model) {
    model.addAttribute("filters", filters);
    model.addAttribute("query", filters.query());
    model.addAttribute(
        "modelNames", Arrays.stream(ModelName.values()).map(ModelName::code).toList());
    model.addAttribute("goals", GOALS);
    model.addAttribute("levels", LEVELS);
    model.addAttribute("breakdowns", BREAKDOWNS);
    model.addAttribute("currencies", CURRENCIES);
  }

  private void addReport(Dashboard dashboard, Locale locale, Model model) {
    String currency = dashboard.report().currency();
    CellFormat format = new CellFormat(locale, currency);
    Charts charts = charts(locale);
    model.addAttribute("report", dashboard.report());
    model.addAttribute("drillsDown", dashboard.drillsDown());
    model.addAttribute("cards", Headline.cards(dashboard.report(), dashboard.previous(), format));
    model.addAttribute("previous", dashboard.previous());
    model.addAttribute(
        "rowTable",
        TableView.of(
            Tables.rows(
                "channels",
                dashboard.filters().breakdown(),
                dashboard.rows(),
                dashboard.report().totals(),
                currency),
            format));
    model.addAttribute("funnelTable", TableView.of(Tables.funnel(dashboard.funnel()), format));
    model.addAttribute("cohortTable", TableView.of(Tables.cohorts(dashboard.cohorts()), format));
    model.addAttribute(
        "pathTable", TableView.of(Tables.paths(dashboard.paths(), currency), format));
    model.addAttribute("funnelChart", charts.funnel(dashboard.funnel()));
    model.addAttribute("cacRomiChart", charts.cacRomi(dashboard.months(), currency));
    model.addAttribute("cohortChart", charts.cohorts(dashboard.cohorts()));
    model.addAttribute("channelChart", charts.revenueAndSpend(dashboard.rows(), currency));
  }

  private Charts charts(Locale locale) {
    return new Charts(key -> messages.getMessage(key, null, key, locale));
  }
}
