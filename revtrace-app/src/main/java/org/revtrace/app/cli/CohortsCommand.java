package org.revtrace.app.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.revtrace.app.report.TextTable;
import org.revtrace.core.cohort.Acquisition;
import org.revtrace.core.cohort.Cohort;
import org.revtrace.core.cohort.CohortPeriod;
import org.revtrace.core.cohort.CohortTable;
import org.revtrace.core.cohort.Cohorts;
import org.revtrace.core.dataset.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code revtrace cohorts}: acquisition cohorts by channel as a triangle table. */
@Command(
    name = "cohorts",
    mixinStandardHelpOptions = true,
    description = {
      "Acquisition cohorts (month or week of the first payment) by channel: retention, purchases,",
      "repeat purchases or revenue per period since acquisition, as a triangle",
      "(docs/definitions/cohorts.md)."
    })
public final class CohortsCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin InputOptions input;

  @Mixin AnalysisOptions analysis;

  @Option(
      names = "--period",
      defaultValue = "month",
      description = "month or week (default: ${DEFAULT-VALUE}).")
  String period;

  @Option(
      names = "--metric",
      defaultValue = "retention",
      description = "retention, active, purchases, repeat or revenue (default: ${DEFAULT-VALUE}).")
  String metric;

  @Option(names = "--by-channel", description = "One triangle row per channel and cohort.")
  boolean byChannel;

  @Option(
      names = "--max-age",
      defaultValue = "12",
      description = "Periods to show (default: ${DEFAULT-VALUE}).")
  int maxAge;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    boolean json = analysis.json();
    CohortPeriod cohortPeriod =
        switch (period.trim().toLowerCase(Locale.ROOT)) {
          case "month" -> CohortPeriod.MONTH;
          case "week" -> CohortPeriod.WEEK;
          default -> throw new BadArgument("unknown period '" + period + "': use month or week");
        };
    String shown = metric.trim().toLowerCase(Locale.ROOT);
    if (!List.of("retention", "active", "purchases", "repeat", "revenue").contains(shown)) {
      throw new BadArgument(
          "unknown metric '" + metric + "': use retention, active, purchases, repeat or revenue");
    }
    if (maxAge < 1) {
      throw new BadArgument("--max-age must be positive");
    }
    DataLoader.Loaded loaded = DataLoader.load(input, analysis.currency());
    DataLoader.reportErrors(loaded, null, spec.commandLine().getErr());
    Dataset data = loaded.dataset();
    LocalDate end =
        LocalDate.ofInstant(Output.asOf(analysis.asOfDay(), data).minusSeconds(1), ZoneOffset.UTC);
    CohortTable table =
        Cohorts.compute(
            data,
            ZoneOffset.UTC,
            cohortPeriod,
            end,
            Acquisition.FIRST_PAYMENT,
            byChannel ? AcquisitionChannels.of(data) : null,
            byChannel ? data.channels() : null);
    if (json) {
      Output.json(table, out);
    } else {
      int ages = Math.min(maxAge, table.cohorts().stream().mapToInt(Cohort::ages).max().orElse(0));
      List<String> header = new ArrayList<>(List.of("cohort", "channel", "customers"));
      for (int k = 0; k < ages; k++) {
        header.add(String.valueOf(k));
      }
      TextTable text = new TextTable(header);
      for (Cohort cohort : table.cohorts()) {
        List<String> row =
            new ArrayList<>(
                List.of(cohort.start().toString(), cohort.channel(), Output.count(cohort.size())));
        for (int k = 0; k < ages; k++) {
          row.add(k < cohort.ages() ? cell(cohort, k, shown) : "");
        }
        text.add(row);
      }
      out.printf(
          Locale.ROOT,
          "Cohorts by %s of first payment, %s per period since (as of %s)%n%n",
          period,
          shown,
          end);
      out.print(text.render(false));
    }
    out.flush();
    return loaded.hasErrors() ? ExitCodes.DATA_ERRORS : ExitCodes.OK;
  }

  private static String cell(Cohort cohort, int age, String metric) {
    return switch (metric) {
      case "retention" -> String.format(Locale.ROOT, "%.0f%%", cohort.retention(age) * 100);
      case "active" -> String.valueOf(cohort.active(age));
      case "purchases" -> String.valueOf(cohort.purchases(age));
      case "repeat" -> String.valueOf(cohort.repeatPurchases(age));
      default -> String.format(Locale.ROOT, "%,.0f", cohort.revenue(age));
    };
  }
}
