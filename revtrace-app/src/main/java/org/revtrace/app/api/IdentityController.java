package org.revtrace.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.revtrace.app.cli.BadArgument;
import org.revtrace.app.cli.LoadedReports;
import org.revtrace.app.report.IdentityReport;
import org.revtrace.core.identity.MergeRule;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Identity resolution of the loaded data: the JSON of {@code revtrace identities --format json}.
 */
@RestController
@RequestMapping("/api/v1")
class IdentityController {

  private static final int MAX_LIMIT = 10_000;

  private final LoadedReports reports;

  IdentityController(LoadedReports reports) {
    this.reports = reports;
  }

  @Operation(
      summary =
          "People, accounts and duplicate leads as resolved: merges with their rules, a summary"
              + " per rule and refused over-shared keys (keys masked).")
  @GetMapping(path = "/identities", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> identities(
      @Parameter(description = "Only merges of this rule (VISITOR_ID, EMAIL, DUPLICATE_LEAD, …).")
          @RequestParam(required = false)
          String rule,
      @Parameter(
              description = "Explain one person or account: contact, visitor, lead or account id.")
          @RequestParam(required = false)
          String id,
      @Parameter(description = "Merges returned, 1–10000 (default 100).")
          @RequestParam(required = false, defaultValue = "100")
          int limit,
      @Parameter(description = "Reporting currency (default RUB).") @RequestParam(required = false)
          String currency) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadArgument("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
    }
    MergeRule selected = null;
    if (rule != null && !rule.isBlank()) {
      selected =
          MergeRule.parse(rule)
              .orElseThrow(
                  () ->
                      new BadArgument(
                          "unknown rule '"
                              + rule
                              + "': use one of "
                              + Arrays.stream(MergeRule.values())
                                  .map(MergeRule::code)
                                  .collect(Collectors.joining(", "))));
    }
    String explained = id == null || id.isBlank() ? null : id.trim();
    return IdentityReport.json(
        reports.dataset(currency == null ? "RUB" : currency).identities(),
        selected,
        explained,
        limit);
  }
}
