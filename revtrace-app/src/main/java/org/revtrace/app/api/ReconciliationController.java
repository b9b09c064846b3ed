package org.revtrace.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import javax.sql.DataSource;
import org.revtrace.app.cli.LoadedReports;
import org.revtrace.app.cli.ReconcileOptions;
import org.revtrace.app.report.ReconciliationWriter;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.Spend;
import org.revtrace.core.reconcile.Reconciliation;
import org.revtrace.core.reconcile.ReconciliationInput;
import org.revtrace.core.reconcile.ReconciliationSettings;
import org.revtrace.ingest.normalize.ChannelGrouping;
import org.revtrace.ingest.normalize.Normalizer;
import org.revtrace.ingest.normalize.UtmNormalizer;
import org.revtrace.store.JdbcSpendVersions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reconciliation of platform, tracker and CRM numbers: the JSON of {@code revtrace reconcile
 * --format json}. With a store, restated spend is told from the replaced row versions it keeps.
 */
@RestController
@RequestMapping("/api/v1")
class ReconciliationController {

  private final LoadedReports reports;
  private final ObjectProvider<DataSource> dataSource;

  ReconciliationController(LoadedReports reports, ObjectProvider<DataSource> dataSource) {
    this.reports = reports;
    this.dataSource = dataSource;
  }

  @Operation(
      summary =
          "Platform vs tracked vs CRM numbers per campaign and period, with the gaps and their"
              + " reasons (docs/definitions/reconciliation.md).")
  @GetMapping(path = "/reconciliation", produces = MediaType.APPLICATION_JSON_VALUE)
  String reconciliation(
      @Parameter(description = "day, week or month (default month).")
          @RequestParam(required = false)
          String period,
      @Parameter(description = "First day, YYYY-MM-DD.") @RequestParam(required = false)
          String from,
      @Parameter(description = "Last day, YYYY-MM-DD.") @RequestParam(required = false) String to,
      @Parameter(description = "Only this utm_campaign.") @RequestParam(required = false)
          String campaign,
      @Parameter(description = "Reporting currency (default RUB).") @RequestParam(required = false)
          String currency,
      @Parameter(description = "Time zone of the report's days (default UTC).")
          @RequestParam(required = false)
          String zone,
      @Parameter(description = "Time zone of the ad account's days (default: zone).")
          @RequestParam(name = "platform_zone", required = false)
          String platformZone,
      @Parameter(description = "Lookback in days (default 30).")
          @RequestParam(name = "lookback_days", required = false)
          Integer lookbackDays) {
    ReconciliationSettings settings =
        ReconcileOptions.settings(
            period, from, to, campaign, currency, zone, platformZone, lookbackDays);
    CanonicalData data = reports.normalized(settings.currency());
    DataSource store = dataSource.getIfAvailable();
    ReconciliationInput input =
        store == null
            ? ReconciliationInput.ofFiles(data)
            : new ReconciliationInput(data, firstVersions(store), true);
    return ReconciliationWriter.json(Reconciliation.compute(input, settings));
  }

  /** The store's first versions of restated spend, normalised with the default rules. */
  private static List<Spend> firstVersions(DataSource store) {
    List<Spend> versions = new JdbcSpendVersions(store).firstVersions();
    CanonicalData rows =
        new CanonicalData(
            versions, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of());
    return new Normalizer(new UtmNormalizer(), ChannelGrouping.defaults()).normalize(rows).spend();
  }
}
