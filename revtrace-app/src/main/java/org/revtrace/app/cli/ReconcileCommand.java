package org.revtrace.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.revtrace.app.report.ReconciliationWriter;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.Spend;
import org.revtrace.core.reconcile.Reconciliation;
import org.revtrace.core.reconcile.ReconciliationInput;
import org.revtrace.core.reconcile.ReconciliationReport;
import org.revtrace.core.reconcile.ReconciliationSettings;
import org.revtrace.ingest.normalize.ChannelGrouping;
import org.revtrace.ingest.normalize.Normalizer;
import org.revtrace.ingest.normalize.UtmNormalizer;
import org.revtrace.store.JdbcSpendVersions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code revtrace reconcile}: platform vs tracker vs CRM per campaign and period, with reasons. */
@Command(
    name = "reconcile",
    mixinStandardHelpOptions = true,
    description = {
      "Reconcile, per campaign and period, what the ad platform reports (clicks, conversions,",
      "spend) with what the tracker saw (tagged visits, leads) and what the CRM holds (leads,",
      "deals, won revenue), with the gaps and the reasons that explain them: restated spend,",
      "time zone, duplicates, attribution window, missing visitor id, untagged traffic",
      "(docs/definitions/reconciliation.md)."
    })
public final class ReconcileCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin InputOptions input;

  @Option(
      names = "--period",
      defaultValue = "month",
      description = "day, week or month (default: ${DEFAULT-VALUE}).")
  String period;

  @Option(names = "--from", description = "First day, YYYY-MM-DD.")
  String from;

  @Option(names = "--to", description = "Last day, YYYY-MM-DD.")
  String to;

  @Option(names = "--campaign", description = "Only this utm_campaign (case-insensitive).")
  String campaign;

  @Option(
      names = "--currency",
      defaultValue = "RUB",
      description = "Reporting currency (default: ${DEFAULT-VALUE}).")
  String currency;

  @Option(
      names = "--zone",
      defaultValue = "UTC",
      description = "Time zone of the report's days (default: ${DEFAULT-VALUE}).")
  String zone;

  @Option(
      names = "--platform-zone",
      description = "Time zone of the ad account's report days (default: --zone).")
  String platformZone;

  @Option(
      names = "--lookback-days",
      defaultValue = "30",
      description = "A campaign touch this recent ties a lead to it (default: ${DEFAULT-VALUE}).")
  int lookbackDays;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() throws Exception {
    String output = format.trim().toLowerCase(Locale.ROOT);
    if (!List.of("table", "csv", "json").contains(output)) {
      throw new BadArgument("unknown format '" + format + "': use table, csv or json");
    }
    ReconciliationSettings settings =
        ReconcileOptions.settings(
            period, from, to, campaign, currency, zone, platformZone, lookbackDays);
    DataLoader.Loaded loaded =
        DataLoader.loadReporting(input, settings.currency(), spec.commandLine().getErr());
    ReconciliationInput reconciliationInput =
        input.fromStore
            ? new ReconciliationInput(loaded.normalized(), firstVersions(), true)
            : ReconciliationInput.ofFiles(loaded.normalized());
    ReconciliationReport report = Reconciliation.compute(reconciliationInput, settings);
    PrintWriter out = spec.commandLine().getOut();
    switch (output) {
      case "json" -> out.println(ReconciliationWriter.json(report));
      case "csv" -> ReconciliationWriter.csv(report, out);
      default -> out.print(ReconciliationWriter.table(report));
    }
    out.flush();
    return loaded.hasErrors() ? ExitCodes.DATA_ERRORS : ExitCodes.OK;
  }

  /** The first versions of restated spend rows in the store, normalised like the data. */
  private List<Spend> firstVersions() throws IOException {
    try (StoreOptions.OpenDatabase database = input.store.openDatabase()) {
      return normalized(new JdbcSpendVersions(database.dataSource()).firstVersions(), input);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("cannot close the store: " + e.getMessage(), e);
    }
  }

  /** Spend rows through the same normalisation as the loaded data. */
  static List<Spend> normalized(List<Spend> spend, InputOptions input) throws IOException {
    ChannelGrouping grouping =
        input != null && input.channelRules != null
            ? ChannelGrouping.load(input.channelRules)
            : ChannelGrouping.defaults();
    CanonicalData data =
        new CanonicalData(
            spend, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of());
    return new Normalizer(new UtmNormalizer(), grouping).normalize(data).spend();
  }
}
