package org.revtrace.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.revtrace.app.report.TextTable;
import org.revtrace.core.journey.ChannelPath;
import org.revtrace.core.journey.PathAnalysis;
import org.revtrace.core.metric.ReportRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code revtrace paths}: the most common channel paths to won deals, with conversion and ROI. */
@Command(
    name = "paths",
    mixinStandardHelpOptions = true,
    description = {
      "The most common channel paths (consecutive repeats collapsed) with their journeys, won",
      "deals, conversion rate, revenue and ROI (docs/definitions/engagement.md)."
    })
public final class PathsCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin InputOptions input;

  @Mixin ReportOptions options;

  @Option(
      names = "--top",
      defaultValue = "20",
      description = "Paths to show (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--last-channels",
      defaultValue = "0",
      description = "Keep only the last N channels of each path (0: all).")
  int lastChannels;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (top < 1 || lastChannels < 0) {
      throw new BadArgument("--top must be positive and --last-channels not negative");
    }
    ReportRequest request = options.request();
    ReportOptions.Format format = options.format();
    String currency = options.currency();
    DataLoader.Loaded loaded = DataLoader.load(input, currency);
    DataLoader.reportErrors(loaded, null, spec.commandLine().getErr());
    PathAnalysis analysis =
        PathAnalysis.compute(
            loaded.dataset(), request.journeyOptions(request.goal(), true), lastChannels);
    List<ChannelPath> shown = analysis.paths().stream().limit(top).toList();
    if (format == ReportOptions.Format.JSON) {
      Output.json(new PathAnalysis(analysis.journeys(), analysis.wonJourneys(), shown), out);
    } else {
      TextTable table =
          new TextTable(List.of("path", "journeys", "won", "conversion", "revenue", "cost", "roi"));
      for (ChannelPath path : shown) {
        table.add(
            List.of(
                path.text(),
                Output.count(path.journeys()),
                Output.count(path.won()),
                String.format(Locale.ROOT, "%.1f%%", path.conversionRate() * 100),
                Output.money(path.revenue(), currency),
                Output.money(path.cost(), currency),
                Output.percent(path.roi())));
      }
      out.printf(
          Locale.ROOT,
          "Channel paths: %,d journeys, %,d won%n%n",
          analysis.journeys(),
          analysis.wonJourneys());
      out.print(table.render(false));
    }
    out.flush();
    return loaded.hasErrors() ? ExitCodes.DATA_ERRORS : ExitCodes.OK;
  }
}
