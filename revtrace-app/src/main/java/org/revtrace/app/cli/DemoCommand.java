package org.revtrace.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.revtrace.app.demo.DemoGenerator;
import org.revtrace.app.demo.DemoSpec;
import org.revtrace.app.demo.DemoSummary;
import org.revtrace.app.demo.TruthComparison;
import org.revtrace.core.metric.ChannelReport;
import org.revtrace.core.metric.Report;
import org.revtrace.core.metric.ReportRequest;
import org.revtrace.store.EmbeddedDatabase;
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
      "canonical CSV format, print the channel report and the model-vs-truth table, then import",
      "it into the store and serve the dashboard (Ctrl+C stops it; --no-serve only prints)."
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

  @Option(
      names = "--no-serve",
      description = "Print the report and stop, instead of serving the dashboard afterwards.")
  boolean noServe;

  @Option(
      names = "--port",
      description = "HTTP port of the dashboard (default: 8080; 0 picks a free one).")
  Integer port;

  @Mixin StoreOptions store = new StoreOptions();

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
    if (port != null && (port < 0 || port > 65_535)) {
      throw new BadArgument("--port must be 0 to 65535");
    }
    CompletableFuture<EmbeddedDatabase> store =
        noServe ? null : ServeCommand.startStoreEarly(this.store.directory);
    try {
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
      if (noServe) {
        return ExitCodes.OK;
      }
      stdout.println();
      stdout.println("Importing the demo data into the store and starting the dashboard…");
      stdout.flush();
      return ServeCommand.serve(stdout, port, out, this.store.directory, options.currency(), store);
    } finally {
      ServeCommand.releaseEarlyStart(store); // a second close of the handle does nothing
    }
  }
}
