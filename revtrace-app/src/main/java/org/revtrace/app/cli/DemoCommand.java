package org.revtrace.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.revtrace.app.demo.DemoGenerator;
import org.revtrace.app.demo.DemoSpec;
import org.revtrace.app.demo.DemoSummary;
import org.revtrace.app.demo.TruthComparison;
import org.revtrace.core.metric.ChannelReport;
import org.revtrace.core.metric.Report;
import org.revtrace.core.metric.ReportRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code revtrace demo}: generates realistic B2B demo data and prints its report. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a deterministic B2B demo data set (accounts, buying committees, 12+ channels,",
      "spend, touches, leads, deals, payments, costs, two currencies, some dirty rows) in the",
      "canonical CSV format, import it and print the channel report."
    })
public final class DemoCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--out",
      defaultValue = "demo-data",
      description = "Folder to write the demo files to (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--touchpoints",
      description = "Target number of touchpoints (default: 60000; accounts scale along).")
  Long touchpoints;

  @Option(
      names = "--accounts",
      description = "Number of accounts (default: scaled to touchpoints).")
  Integer accounts;

  @Option(names = "--clean", description = "Plant no dirty data.")
  boolean clean;

  @Mixin ReportOptions options;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DemoSpec demo;
    try {
      demo = DemoSpec.defaults().withSeed(seed).withDirty(!clean);
      if (touchpoints != null) {
        demo = demo.scaledTo(touchpoints);
      }
      if (accounts != null) {
        demo = demo.withAccounts(accounts);
      }
    } catch (IllegalArgumentException e) {
      throw new BadArgument(e.getMessage());
    }
    long started = System.nanoTime();
    DemoSummary summary = DemoGenerator.generate(demo, out);
    err.printf(
        Locale.ROOT,
        "Demo data written to %s in %.1f s: %s%n",
        out.toAbsolutePath().normalize(),
        (System.nanoTime() - started) / 1e9,
        summary.orderedRowCounts());
    DataLoader.Loaded loaded = DataLoader.load(out, options.currency());
    if (loaded.hasErrors()) {
      err.println(
          loaded.errors().size()
              + " planted dirty rows were quarantined (see ground_truth.json and"
              + " `revtrace import --data "
              + out
              + "`)");
    }
    ReportRequest request = options.request();
    Report report = ChannelReport.compute(loaded.dataset(), request);
    ReportCommand.print(
        loaded.dataset(), request, report, options.breakdown(), options.format(), stdout);
    if (options.format() == ReportOptions.Format.TABLE) {
      Map<String, Double> truth = TruthComparison.readTruth(out);
      stdout.println();
      stdout.print(TruthComparison.table(TruthComparison.score(loaded.dataset(), truth), truth));
      stdout.flush();
    }
    return ExitCodes.OK;
  }
}
