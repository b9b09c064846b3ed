package org.revtrace.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.revtrace.app.report.ComparisonWriter;
import org.revtrace.core.attribution.AttributionModels;
import org.revtrace.core.attribution.Bootstrap;
import org.revtrace.core.attribution.HalfLife;
import org.revtrace.core.attribution.ModelComparison;
import org.revtrace.core.attribution.ModelName;
import org.revtrace.core.journey.JourneyBuilder;
import org.revtrace.core.journey.Journeys;
import org.revtrace.core.metric.ReportRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code revtrace compare}: every attribution model's credit per channel, side by side. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description =
        "Print each channel's credited conversions and share under every attribution model;"
            + " with --bootstrap, the interval of the --model's credit.")
public final class CompareCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin InputOptions input;

  @Mixin ReportOptions options;

  @Option(
      names = "--models",
      split = ",",
      description = "Models to compare, e.g. first_touch,linear,markov (default: all).")
  List<String> models;

  @Option(
      names = "--bootstrap",
      defaultValue = "0",
      description =
          "Bootstrap resamples for the interval of the --model's credit (e.g. 200; 0: none).")
  int bootstrap;

  @Option(
      names = "--confidence",
      defaultValue = "0.9",
      description = "Confidence of the bootstrap interval (default: ${DEFAULT-VALUE}).")
  double confidence;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the bootstrap resamples (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ReportRequest request = options.request();
    ReportOptions.Format format = options.format();
    List<ModelName> compared = models();
    if (bootstrap < 0 || bootstrap == 1) {
      throw new BadArgument("--bootstrap must be 0 (none) or at least 2");
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new BadArgument("--confidence must be between 0 and 1, e.g. 0.9 or 0.95");
    }
    DataLoader.Loaded loaded = DataLoader.loadReporting(input, options.currency(), err);
    boolean nonConverting = request.settings().needsNonConverting(request.model());
    for (ModelName model : compared) {
      nonConverting |= request.settings().needsNonConverting(model);
    }
    Journeys journeys =
        JourneyBuilder.build(
            loaded.dataset(), request.journeyOptions(request.goal(), nonConverting));
    Duration halfLife = HalfLife.fromSalesCycle(loaded.dataset());
    ModelComparison.Result result =
        ModelComparison.compute(journeys, compared, request.settings(), halfLife);
    Bootstrap.Result intervals =
        bootstrap == 0
            ? null
            : Bootstrap.compute(
                AttributionModels.create(request.model(), request.settings(), halfLife),
                journeys,
                bootstrap,
                confidence,
                seed);
    String currency = options.currency();
    switch (format) {
      case TABLE -> out.print(ComparisonWriter.table(result, intervals));
      case CSV -> ComparisonWriter.csv(result, intervals, currency, out);
      case JSON -> out.print(ComparisonWriter.json(result, intervals, currency));
    }
    out.flush();
    return loaded.hasErrors() ? ExitCodes.DATA_ERRORS : ExitCodes.OK;
  }

  private List<ModelName> models() {
    if (models == null || models.isEmpty()) {
      return List.of(ModelName.values());
    }
    List<ModelName> named = new ArrayList<>();
    for (String code : models) {
      named.add(
          ModelName.parse(code).orElseThrow(() -> new BadArgument("unknown model '" + code + "'")));
    }
    return named;
  }
}
