package org.revtrace.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.Arrays;
import java.util.List;
import org.revtrace.app.cli.LoadedReports;
import org.revtrace.app.cli.ReportOptions;
import org.revtrace.core.attribution.ModelName;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The channel report and the attribution model names, as the CLI's JSON contract. */
@RestController
@RequestMapping("/api/v1")
class ReportController {

  private final LoadedReports reports;

  ReportController(LoadedReports reports) {
    this.reports = reports;
  }

  @Operation(summary = "The channel report: the JSON of `revtrace report --format json`.")
  @GetMapping(path = "/report", produces = MediaType.APPLICATION_JSON_VALUE)
  String report(
      @Parameter(description = "Attribution model (default linear).")
          @RequestParam(required = false)
          String model,
      @Parameter(description = "lead, mql, sql, opportunity or won (default won).")
          @RequestParam(required = false)
          String goal,
      @Parameter(description = "First day, YYYY-MM-DD.") @RequestParam(required = false)
          String from,
      @Parameter(description = "Last day, YYYY-MM-DD.") @RequestParam(required = false) String to,
      @Parameter(description = "Reporting currency (default RUB).") @RequestParam(required = false)
          String currency,
      @Parameter(
              description =
                  "channel, source, campaign, month, industry, size, region, tier," + " product.")
          @RequestParam(required = false)
          String by) {
    return reports.json(ReportOptions.json(model, goal, from, to, currency, by));
  }

  @Operation(summary = "The attribution model names.")
  @GetMapping("/models")
  List<String> models() {
    return Arrays.stream(ModelName.values()).map(ModelName::code).toList();
  }
}
