package org.revtrace.app.cli;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.revtrace.app.report.TextTable;
import org.revtrace.core.forecast.ForecastBacktest;
import org.revtrace.core.forecast.ForecastOptions;
import org.revtrace.core.forecast.MonthComparison;
import org.revtrace.core.forecast.MonthForecast;
import org.revtrace.core.forecast.PipelineForecast;
import org.revtrace.core.forecast.StageOutlook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code revtrace forecast}: expected revenue by month from open deals, and its back-test. */
@Command(
    name = "forecast",
    mixinStandardHelpOptions = true,
    description = {
      "Expected won revenue by month from the open pipeline: each open deal's stage win rate ×",
      "amount, spread over months by the measured time to close from that stage",
      "(docs/definitions/forecast.md). --backtest forecasts as of a past day and compares with",
      "what those deals really won."
    })
public final class ForecastCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin InputOptions input;

  @Mixin AnalysisOptions analysis;

  @Option(
      names = "--horizon-months",
      defaultValue = "6",
      description = "Months to forecast (default: ${DEFAULT-VALUE}).")
  int horizon;

  @Option(
      names = "--backtest",
      description = "Compare the forecast as of --as-of with what happened after it.")
  boolean backtest;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    boolean json = analysis.json();
    if (horizon < 1 || horizon > 60) {
      throw new BadArgument("--horizon-months must be 1 to 60");
    }
    if (backtest && analysis.asOfDay() == null) {
      throw new BadArgument("--backtest needs --as-of: a past day to forecast from");
    }
    String code = analysis.currency();
    DataLoader.Loaded loaded = DataLoader.load(input, code);
    DataLoader.reportErrors(loaded, null, spec.commandLine().getErr());
    ForecastOptions options =
        ForecastOptions.defaults(Output.asOf(analysis.asOfDay(), loaded.dataset()), ZoneOffset.UTC)
            .withHorizonMonths(horizon);
    if (backtest) {
      ForecastBacktest result = ForecastBacktest.run(loaded.dataset(), options);
      if (json) {
        Output.json(result, out);
      } else {
        TextTable table = new TextTable(List.of("month", "forecast", "actual", "error"));
        for (MonthComparison month : result.months()) {
          table.add(
              List.of(
                  month.month().toString(),
                  Output.money(month.forecast(), code),
                  Output.money(month.actual(), code),
                  month.actual() == 0
                      ? "—"
                      : String.format(
                          Locale.ROOT,
                          "%+.1f%%",
                          100.0 * (month.forecast() - month.actual()) / month.actual())));
        }
        out.printf(
            Locale.ROOT,
            "Back-test of the pipeline forecast as of %s (%s)%n%n",
            result.cut(),
            code);
        out.print(table.render(false));
        out.printf(
            Locale.ROOT,
            "%nafter the horizon: forecast %s, actual %s; won by deals created after the cut: %s%n",
            Output.money(result.forecastBeyond(), code),
            Output.money(result.actualBeyond(), code),
            Output.money(result.wonFromNewDeals(), code));
      }
    } else {
      PipelineForecast result = PipelineForecast.compute(loaded.dataset(), options);
      if (json) {
        Output.json(result, out);
      } else {
        TextTable stages =
            new TextTable(
                List.of(
                    "stage",
                    "open deals",
                    "open amount",
                    "win rate",
                    "days to close (median)",
                    "expected"));
        for (StageOutlook stage : result.stages()) {
          stages.add(
              List.of(
                  stage.stage(),
                  Output.count(stage.openDeals()),
                  Output.money(stage.openAmount(), code),
                  Output.percent(stage.winRate().value()),
                  Output.days(stage.timeToClose().median()),
                  Output.money(stage.expected(), code)));
        }
        TextTable months = new TextTable(List.of("month", "expected revenue"));
        for (MonthForecast month : result.months()) {
          months.add(List.of(month.month().toString(), Output.money(month.expected(), code)));
        }
        out.printf(Locale.ROOT, "Pipeline forecast as of %s (%s)%n%n", result.asOf(), code);
        out.print(stages.render(false));
        out.println();
        out.print(months.render(false));
        out.printf(
            Locale.ROOT, "after the horizon: %s%n", Output.money(result.beyondHorizon(), code));
      }
    }
    out.flush();
    return loaded.hasErrors() ? ExitCodes.DATA_ERRORS : ExitCodes.OK;
  }
}
