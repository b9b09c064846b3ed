package org.revtrace.app.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.revtrace.app.report.TextTable;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.metric.ReportRequest;
import org.revtrace.core.recommend.BudgetMove;
import org.revtrace.core.recommend.CurveFit;
import org.revtrace.core.recommend.Rating;
import org.revtrace.core.recommend.ReallocationPlan;
import org.revtrace.core.recommend.Reason;
import org.revtrace.core.recommend.RecommendSettings;
import org.revtrace.core.recommend.RecommendationReport;
import org.revtrace.core.recommend.Recommendations;
import org.revtrace.core.recommend.UnitLevel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code revtrace recommend}: channel (campaign) rating and budget reallocation by marginal ROMI.
 */
@Command(
    name = "recommend",
    mixinStandardHelpOptions = true,
    description = {
      "Rate each channel (or campaign) SCALE / OPTIMISE / CUT / NOT_ENOUGH_DATA from its ROMI and",
      "bootstrap interval, LTV:CAC, lead→customer conversion and pipeline-weighted value, and move",
      "monthly budget by marginal ROMI on fitted diminishing-returns curves, with the expected",
      "effect (docs/definitions/recommendations.md)."
    })
public final class RecommendCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin InputOptions input;

  @Option(
      names = "--model",
      defaultValue = "linear",
      description = "Attribution model (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(
      names = "--goal",
      defaultValue = "won",
      description = "Report goal (default: ${DEFAULT-VALUE}).")
  String goal;

  @Option(names = "--from", description = "First day of the period (YYYY-MM-DD), inclusive.")
  String from;

  @Option(
      names = "--to",
      description =
          "Last day of the period (YYYY-MM-DD), inclusive; open deals are valued at its end.")
  String to;

  @Option(
      names = "--currency",
      defaultValue = "RUB",
      description = "Reporting currency (default: ${DEFAULT-VALUE}).")
  String currency;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--level",
      defaultValue = "channel",
      description = "Rate channel or campaign (default: ${DEFAULT-VALUE}).")
  String level;

  @Option(
      names = "--journeys",
      defaultValue = "person",
      description = "person or account (buying-committee) journeys (default: ${DEFAULT-VALUE}).")
  String journeys;

  @Option(
      names = "--zone",
      defaultValue = "UTC",
      description = "Time zone of days and months (default: ${DEFAULT-VALUE}).")
  String zone;

  @Option(
      names = "--target-romi",
      defaultValue = "1.0",
      description = "SCALE needs ROMI at least this fraction (default: ${DEFAULT-VALUE} = 100%%).")
  double targetRomi;

  @Option(
      names = "--min-ltv-cac",
      defaultValue = "3.0",
      description = "SCALE needs LTV:CAC at least this (default: ${DEFAULT-VALUE}).")
  double minLtvToCac;

  @Option(
      names = "--cut-romi",
      defaultValue = "0.0",
      description =
          "CUT needs ROMI's upper bound and pipeline-weighted ROMI below this (default: ${DEFAULT-VALUE}).")
  double cutRomi;

  @Option(
      names = "--min-customers",
      defaultValue = "5",
      description =
          "Customers (or expected customers) a unit needs to be rated (default: ${DEFAULT-VALUE}).")
  int minCustomers;

  @Option(
      names = "--max-shift",
      defaultValue = "0.3",
      description = "Largest share of a unit's budget moved in or out (default: ${DEFAULT-VALUE}).")
  double maxShift;

  @Option(
      names = "--bootstrap",
      defaultValue = "200",
      description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
  int replicates;

  @Option(
      names = "--confidence",
      defaultValue = "0.9",
      description = "Confidence of the intervals (default: ${DEFAULT-VALUE}).")
  double confidence;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the resamples (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ReportOptions options = reportOptions();
    ReportOptions.Format output = options.format();
    ReportRequest request = options.request();
    DataLoader.Loaded loaded = DataLoader.loadReporting(input, options.currency(), err);
    RecommendationReport result = compute(loaded.dataset(), request);
    switch (output) {
      case TABLE -> out.print(table(result));
      case CSV -> csv(result, out);
      case JSON -> out.print(json(result));
    }
    out.flush();
    return loaded.hasErrors() ? ExitCodes.DATA_ERRORS : ExitCodes.OK;
  }

  /**
   * The JSON of {@code revtrace recommend --format json} on the server's loaded data, with the
   * options given as text (null keeps the default), parsed and checked as on the command line.
   *
   * @throws BadArgument when an option is invalid
   */
  public static String json(LoadedReports reports, Map<String, String> parameters) {
    List<String> args = new ArrayList<>(List.of("--format=json"));
    parameters.forEach(
        (name, value) -> {
          if (value != null) {
            args.add("--" + name + "=" + value);
          }
        });
    RecommendCommand command;
    try {
      command = CommandLine.populateCommand(new RecommendCommand(), args.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      throw new BadArgument(e.getMessage());
    }
    ReportOptions options = command.reportOptions();
    ReportRequest request = options.request();
    LocalDate end = request.to();
    Instant asOf = reports.asOf(end, options.currency());
    RecommendSettings settings = command.settings(asOf);
    return reports.computed(
        options.currency(),
        List.of("recommend", request, settings),
        data -> json(Recommendations.compute(data, request, settings)));
  }

  /** The parameter names {@link #json(LoadedReports, Map)} accepts. */
  public static List<String> parameterNames() {
    return List.of(
        "model",
        "goal",
        "from",
        "to",
        "currency",
        "level",
        "journeys",
        "zone",
        "target-romi",
        "min-ltv-cac",
        "cut-romi",
        "min-customers",
        "max-shift");
  }

  RecommendationReport compute(Dataset data, ReportRequest request) {
    return Recommendations.compute(data, request, settings(Output.asOf(request.to(), data)));
  }

  RecommendSettings settings(Instant asOf) {
    UnitLevel unitLevel =
        UnitLevel.parse(level)
            .orElseThrow(
                () -> new BadArgument("unknown level '" + level + "': use channel or campaign"));
    if (!(maxShift >= 0 && maxShift <= 1)) {
      throw new BadArgument("--max-shift must be between 0 and 1, e.g. 0.3");
    }
    if (replicates < 2) {
      throw new BadArgument("--bootstrap must be at least 2");
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new BadArgument("--confidence must be between 0 and 1, e.g. 0.9 or 0.95");
    }
    if (minCustomers < 1) {
      throw new BadArgument("--min-customers must be at least 1");
    }
    if (!Double.isFinite(targetRomi)
        || !Double.isFinite(minLtvToCac)
        || !Double.isFinite(cutRomi)) {
      throw new BadArgument("thresholds must be numbers");
    }
    return RecommendSettings.defaults(asOf)
        .withLevel(unitLevel)
        .withThresholds(targetRomi, minLtvToCac, cutRomi, minCustomers)
        .withMaxShift(maxShift)
        .withBootstrap(replicates, confidence, seed);
  }

  private ReportOptions reportOptions() {
    ReportOptions options = ReportOptions.json(model, goal, from, to, currency, null);
    options.format = format;
    options.level = journeys;
    options.zone = zone;
    try {
      ZoneId.of(zone);
    } catch (RuntimeException e) {
      throw new BadArgument("unknown time zone '" + zone + "'");
    }
    return options;
  }

  static String json(RecommendationReport result) {
    StringWriter text = new StringWriter();
    Output.json(result, new PrintWriter(text));
    return text.toString();
  }

  static String table(RecommendationReport result) {
    String code = result.currency();
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "Recommendations — model %s, goal %s, %s, period %s … %s, open deals as of %s%n%n",
            result.model(),
            result.goal(),
            code,
            result.from() == null ? "start" : result.from(),
            result.to() == null ? "end" : result.to(),
            result.settings().asOf()));
    TextTable ratings =
        new TextTable(
            List.of(
                result.settings().level().code(),
                "verdict",
                "cost",
                "revenue",
                "romi",
                "romi interval",
                "ltv:cac",
                "customers",
                "lead→cust",
                "pipeline",
                "romi+pipe"));
    for (Rating rating : result.ratings()) {
      ratings.add(
          List.of(
              rating.key(),
              rating.verdict().name(),
              Output.money(rating.marketingCost(), code),
              Output.money(rating.revenue(), code),
              percent(rating.romi()),
              rating.romiLower() == null
                  ? "—"
                  : percent(rating.romiLower()) + " … " + percent(rating.romiUpper()),
              rating.ltvToCac() == null
                  ? "—"
                  : String.format(Locale.ROOT, "%.2f", rating.ltvToCac()),
              String.format(Locale.ROOT, "%.1f", rating.customers()),
              percent(rating.leadToCustomer()),
              Output.money(rating.pipeline(), code),
              percent(rating.pipelineWeightedRomi())));
    }
    text.append(ratings.render(false)).append(System.lineSeparator());
    for (Rating rating : result.ratings()) {
      text.append(rating.key()).append(": ").append(rating.verdict().name()).append(" — ");
      text.append(String.join("; ", rating.reasons().stream().map(Reason::text).toList()));
      text.append(System.lineSeparator());
    }
    text.append(System.lineSeparator())
        .append("Response curves (monthly)")
        .append(System.lineSeparator());
    TextTable curves =
        new TextTable(
            List.of(
                "unit",
                "status",
                "months",
                "cost cv",
                "elasticity",
                "interval",
                "budget/month",
                "marginal romi",
                "interval"));
    for (CurveFit fit : result.curves()) {
      boolean fitted = fit.curve() != null;
      curves.add(
          List.of(
              fit.key(),
              fit.status().name(),
              Integer.toString(fit.points().size()),
              String.format(Locale.ROOT, "%.2f", fit.spendVariation()),
              fitted ? String.format(Locale.ROOT, "%.2f", fit.curve().exponent()) : "—",
              fitted
                  ? String.format(
                      Locale.ROOT, "%.2f … %.2f", fit.exponentLower(), fit.exponentUpper())
                  : "—",
              Output.money(fit.currentBudget(), code),
              percent(fit.marginalRomi()),
              fit.marginalRomiLower() == null
                  ? "—"
                  : percent(fit.marginalRomiLower()) + " … " + percent(fit.marginalRomiUpper())));
    }
    text.append(curves.render(false));
    ReallocationPlan plan = result.plan();
    text.append(System.lineSeparator())
        .append("Budget reallocation (per month)")
        .append(System.lineSeparator());
    TextTable moves =
        new TextTable(
            List.of(
                "unit", "current", "proposed", "change", "marginal romi", "after", "value change"));
    for (BudgetMove move : plan.moves()) {
      moves.add(
          List.of(
              move.key(),
              Output.money(move.currentBudget(), code),
              Output.money(move.proposedBudget(), code),
              signed(move.change(), code),
              percent(move.marginalRomiBefore()),
              percent(move.marginalRomiAfter()),
              signed(move.expectedValueChange(), code)));
    }
    text.append(moves.render(false));
    text.append(
        String.format(
            Locale.ROOT,
            "moved %s of %s a month; expected value %s a month (%.0f%% interval %s … %s, gains in"
                + " %.0f%% of resamples); ROMI of the whole budget %s (%s … %s)%n",
            Output.money(plan.moved(), code),
            Output.money(plan.budget(), code),
            signed(plan.expectedValueChange(), code),
            plan.confidence() * 100,
            signed(plan.expectedValueChangeLower(), code),
            signed(plan.expectedValueChangeUpper(), code),
            plan.probabilityOfGain() * 100,
            points(plan.romiChange()),
            points(plan.romiChangeLower()),
            points(plan.romiChangeUpper())));
    if (!plan.frozen().isEmpty()) {
      text.append("kept as they are (no curve): ")
          .append(String.join(", ", plan.frozen()))
          .append(System.lineSeparator());
    }
    return text.toString();
  }

  static void csv(RecommendationReport result, PrintWriter out) {
    CsvWriter csv = CsvWriter.builder().build(out);
    Map<String, BudgetMove> moves = new LinkedHashMap<>();
    result.plan().moves().forEach(move -> moves.put(move.key(), move));
    Map<String, CurveFit> curves = new LinkedHashMap<>();
    result.curves().forEach(fit -> curves.put(fit.key(), fit));
    csv.writeRecord(
        "unit",
        "verdict",
        "marketing_cost",
        "revenue",
        "romi",
        "romi_lower",
        "romi_upper",
        "ltv_to_cac",
        "customers",
        "leads",
        "lead_to_customer",
        "pipeline",
        "pipeline_weighted_romi",
        "curve_status",
        "elasticity",
        "current_budget",
        "marginal_romi",
        "proposed_budget",
        "budget_change",
        "reasons",
        "currency");
    for (Rating rating : result.ratings()) {
      CurveFit fit = curves.get(rating.key());
      BudgetMove move = moves.get(rating.key());
      csv.writeRecord(
          rating.key(),
          rating.verdict().name(),
          Long.toString(rating.marketingCost()),
          Long.toString(rating.revenue()),
          number(rating.romi()),
          number(rating.romiLower()),
          number(rating.romiUpper()),
          number(rating.ltvToCac()),
          number(rating.customers()),
          number(rating.leads()),
          number(rating.leadToCustomer()),
          Long.toString(rating.pipeline()),
          number(rating.pipelineWeightedRomi()),
          fit == null ? "" : fit.status().name(),
          fit == null || fit.curve() == null ? "" : number(fit.curve().exponent()),
          fit == null ? "" : Long.toString(fit.currentBudget()),
          fit == null ? "" : number(fit.marginalRomi()),
          move == null ? "" : Long.toString(move.proposedBudget()),
          move == null ? "" : Long.toString(move.change()),
          String.join("; ", rating.reasons().stream().map(Reason::text).toList()),
          result.currency());
    }
    out.flush();
  }

  private static String number(Double value) {
    return value == null ? "" : String.format(Locale.ROOT, "%.6f", value);
  }

  private static String percent(Double fraction) {
    return fraction == null ? "—" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
  }

  private static String points(Double fraction) {
    return fraction == null ? "—" : String.format(Locale.ROOT, "%+.1f pp", fraction * 100);
  }

  private static String signed(long minor, String code) {
    return (minor > 0 ? "+" : "") + Output.money(minor, code);
  }
}
