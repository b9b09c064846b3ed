package org.revtrace.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.revtrace.app.report.TextTable;
import org.revtrace.core.funnel.Breakdown;
import org.revtrace.core.funnel.FunnelOptions;
import org.revtrace.core.funnel.FunnelReport;
import org.revtrace.core.funnel.FunnelSummary;
import org.revtrace.core.funnel.StageMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code revtrace funnel}: stage conversions, time in stage, cycle, SLA, stuck deals, velocity. */
@Command(
    name = "funnel",
    mixinStandardHelpOptions = true,
    description = {
      "The sales funnel: stage counts and conversions, drop-off, time in stage, sales cycle,",
      "backward moves, stuck deals, lead response time against the SLA and pipeline velocity;",
      "in total or split by channel or segment (docs/definitions/funnel.md)."
    })
public final class FunnelCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin InputOptions input;

  @Mixin AnalysisOptions analysis;

  @Option(
      names = "--by",
      description = "Split by channel, industry, size, region, tier or product (default: total).")
  String by;

  @Option(
      names = "--stages",
      split = ",",
      description =
          "Funnel stages in order (default: lead,mql,sql,meeting,proposal,negotiation,won).")
  List<String> stages;

  @Option(
      names = "--sla-minutes",
      defaultValue = "60",
      description = "Lead response SLA (default: ${DEFAULT-VALUE}).")
  long slaMinutes;

  @Option(
      names = "--stuck-days",
      defaultValue = "30",
      description = "An open deal idle this long is stuck (default: ${DEFAULT-VALUE}).")
  long stuckDays;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Breakdown breakdown = breakdown();
    boolean json = analysis.json();
    if (slaMinutes <= 0 || stuckDays <= 0) {
      throw new BadArgument("--sla-minutes and --stuck-days must be positive");
    }
    DataLoader.Loaded loaded = DataLoader.load(input, analysis.currency());
    DataLoader.reportErrors(loaded, null, spec.commandLine().getErr());
    FunnelOptions options =
        FunnelOptions.defaults(Output.asOf(analysis.asOfDay(), loaded.dataset()));
    if (stages != null) {
      try {
        options = options.withStages(stages, stages.contains("sql") ? "sql" : stages.get(1));
      } catch (IllegalArgumentException e) {
        throw new BadArgument(e.getMessage());
      }
    }
    options =
        new FunnelOptions(
            options.stages(),
            options.lostStage(),
            options.opportunityStage(),
            options.aliases(),
            Duration.ofDays(stuckDays),
            Duration.ofMinutes(slaMinutes),
            options.reference());
    FunnelReport report = FunnelReport.compute(loaded.dataset(), options);
    if (json) {
      Output.json(report, out);
    } else if (breakdown == null) {
      out.print(total(report));
    } else {
      out.print(split(report, breakdown));
    }
    out.flush();
    return loaded.hasErrors() ? ExitCodes.DATA_ERRORS : ExitCodes.OK;
  }

  private Breakdown breakdown() {
    if (by == null) {
      return null;
    }
    try {
      return Breakdown.valueOf(by.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadArgument(
          "unknown breakdown '" + by + "': use channel, industry, size, region, tier or product");
    }
  }

  private static String total(FunnelReport report) {
    FunnelSummary all = report.total();
    TextTable table =
        new TextTable(
            List.of(
                "stage",
                "reached",
                "from previous",
                "from first",
                "drop-off",
                "days in stage (median)",
                "P90"));
    for (StageMetrics stage : all.stages()) {
      table.add(
          List.of(
              stage.stage(),
              Output.count(stage.reached()),
              Output.percent(stage.fromPrevious().value()),
              Output.percent(stage.fromFirst().value()),
              Output.count(stage.dropOff()),
              Output.days(stage.timeInStage().median()),
              Output.days(stage.timeInStage().p90())));
    }
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "Funnel as of %s%n%n", report.reference()));
    text.append(table.render(false));
    text.append(String.format(Locale.ROOT, "%nlost: %s%n", Output.count(all.lost())));
    text.append(
        String.format(
            Locale.ROOT,
            "sales cycle, lead → won: median %s days, P90 %s (%d deals); deal → won: median %s days%n",
            Output.days(all.cycleFromLead().median()),
            Output.days(all.cycleFromLead().p90()),
            all.cycleFromLead().count(),
            Output.days(all.cycleFromDeal().median())));
    text.append(
        String.format(
            Locale.ROOT,
            "backward moves: %d deals%s%n",
            all.dealsWithBackwardMoves(),
            all.backwardMoves().isEmpty()
                ? ""
                : " (most: "
                    + all.backwardMoves().get(0).from()
                    + " → "
                    + all.backwardMoves().get(0).to()
                    + ")"));
    text.append(
        String.format(
            Locale.ROOT,
            "stuck deals: %d of %d open%n",
            all.stuck().deals().size(),
            all.stuck().openDeals()));
    text.append(
        String.format(
            Locale.ROOT,
            "lead response: median %s h, P90 %s h; within SLA %d, late %d, never answered %d, pending %d%n",
            Output.hours(all.response().responseTime().median()),
            Output.hours(all.response().responseTime().p90()),
            all.response().withinSla(),
            all.response().late(),
            all.response().neverResponded(),
            all.response().pending()));
    text.append(
        String.format(
            Locale.ROOT,
            "pipeline velocity: %s %s/day (%d open deals, win rate %s, average deal %s, cycle %s days)%n",
            all.velocity().perDay().isPresent()
                ? Output.money(all.velocity().perDay().getAsLong(), report.currency())
                : "—",
            report.currency(),
            all.velocity().openDeals(),
            Output.percent(all.velocity().winRate().value()),
            Output.money(all.velocity().averageDeal(), report.currency()),
            Output.days(all.velocity().averageCycle())));
    if (!report.unmappedStages().isEmpty()) {
      text.append("stages in the data outside the funnel (ignored): ")
          .append(String.join(", ", report.unmappedStages()))
          .append('\n');
    }
    return text.toString();
  }

  private static String split(FunnelReport report, Breakdown breakdown) {
    List<String> header = new ArrayList<>();
    header.add(breakdown.name().toLowerCase(Locale.ROOT));
    List<StageMetrics> stages = report.total().stages();
    header.add(stages.get(0).stage());
    header.add(stages.get(stages.size() - 1).stage());
    header.addAll(List.of("end to end", "cycle days", "SLA met", "stuck", "velocity/day"));
    TextTable table = new TextTable(header);
    List<FunnelSummary> rows = new ArrayList<>(report.breakdowns().get(breakdown));
    rows.add(report.total());
    for (FunnelSummary row : rows) {
      StageMetrics first = row.stages().get(0);
      StageMetrics last = row.stages().get(row.stages().size() - 1);
      long due = row.response().due();
      table.add(
          List.of(
              row.segment(),
              Output.count(first.reached()),
              Output.count(last.reached()),
              Output.percent(last.fromFirst().value()),
              Output.days(row.cycleFromLead().median()),
              due == 0
                  ? "—"
                  : String.format(Locale.ROOT, "%.1f%%", 100.0 * row.response().withinSla() / due),
              Output.count(row.stuck().deals().size()),
              row.velocity().perDay().isPresent()
                  ? Output.money(row.velocity().perDay().getAsLong(), report.currency())
                  : "—"));
    }
    return String.format(
            Locale.ROOT, "Funnel by %s as of %s%n%n", header.get(0), report.reference())
        + table.render(true);
  }
}
