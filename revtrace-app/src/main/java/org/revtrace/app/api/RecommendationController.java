package org.revtrace.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.revtrace.app.cli.LoadedReports;
import org.revtrace.app.cli.RecommendCommand;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Channel ratings and the budget reallocation, as {@code revtrace recommend --format json}. */
@RestController
@RequestMapping("/api/v1")
class RecommendationController {

  private final LoadedReports reports;

  RecommendationController(LoadedReports reports) {
    this.reports = reports;
  }

  @Operation(
      summary =
          "Ratings (scale/optimise/cut/not enough data) and budget reallocation by marginal ROMI:"
              + " the JSON of `revtrace recommend --format json` (money in minor units).")
  @GetMapping(path = "/recommendations", produces = MediaType.APPLICATION_JSON_VALUE)
  String recommendations(
      @Parameter(description = "Attribution model (default linear).")
          @RequestParam(required = false)
          String model,
      @Parameter(description = "lead, mql, sql, opportunity or won (default won).")
          @RequestParam(required = false)
          String goal,
      @Parameter(description = "First day, YYYY-MM-DD.") @RequestParam(required = false)
          String from,
      @Parameter(description = "Last day, YYYY-MM-DD; open deals are valued at its end.")
          @RequestParam(required = false)
          String to,
      @Parameter(description = "Reporting currency (default RUB).") @RequestParam(required = false)
          String currency,
      @Parameter(description = "channel or campaign (default channel).")
          @RequestParam(required = false)
          String level,
      @Parameter(description = "person or account journeys (default person).")
          @RequestParam(required = false)
          String journeys,
      @Parameter(description = "SCALE needs ROMI at least this fraction (default 1.0).")
          @RequestParam(name = "target-romi", required = false)
          String targetRomi,
      @Parameter(description = "SCALE needs LTV:CAC at least this (default 3).")
          @RequestParam(name = "min-ltv-cac", required = false)
          String minLtvToCac,
      @Parameter(description = "CUT needs ROMI's upper bound below this (default 0).")
          @RequestParam(name = "cut-romi", required = false)
          String cutRomi,
      @Parameter(description = "Customers a unit needs to be rated (default 5).")
          @RequestParam(name = "min-customers", required = false)
          String minCustomers,
      @Parameter(description = "Largest share of a budget moved (default 0.3).")
          @RequestParam(name = "max-shift", required = false)
          String maxShift) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("model", model);
    parameters.put("goal", goal);
    parameters.put("from", from);
    parameters.put("to", to);
    parameters.put("currency", currency);
    parameters.put("level", level);
    parameters.put("journeys", journeys);
    parameters.put("target-romi", targetRomi);
    parameters.put("min-ltv-cac", minLtvToCac);
    parameters.put("cut-romi", cutRomi);
    parameters.put("min-customers", minCustomers);
    parameters.put("max-shift", maxShift);
    return RecommendCommand.json(reports, parameters);
  }
}
