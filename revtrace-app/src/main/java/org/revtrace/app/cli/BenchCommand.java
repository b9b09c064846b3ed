package org.revtrace.app.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.revtrace.app.bench.MarkovBench;
import org.revtrace.app.bench.ModelBench;
import org.revtrace.app.bench.ShapleyBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code revtrace bench}: prints the engines' speed on this machine (medians of warm runs). */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark attribution on this machine and print medians of warm runs:",
      "  models: every model over an in-memory dataset of N touchpoints;",
      "  markov: a ChannelAttribution path file (1M unique paths) read and solved at orders 1-4;",
      "  shapley: Shapley values and a bootstrap over synthetic journeys (--only shapley)."
    })
public final class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--touchpoints",
      defaultValue = "10000000",
      description = "Touchpoints in the in-memory dataset (default: ${DEFAULT-VALUE}).")
  int touchpoints;

  @Option(
      names = "--paths",
      defaultValue = "1000000",
      description = "Unique paths in the Markov path file (default: ${DEFAULT-VALUE}).")
  int paths;

  @Option(
      names = "--journeys",
      defaultValue = "1000000",
      description = "Journeys of the Shapley benchmark (default: ${DEFAULT-VALUE}).")
  int journeys;

  @Option(
      names = "--only",
      description = "Run one part: models, markov or shapley (default: models and markov).")
  String only;

  @Option(
      names = "--work",
      defaultValue = "target/bench",
      description = "Folder for generated benchmark files (default: ${DEFAULT-VALUE}).")
  Path work;

  @Override
  public Integer call() throws Exception {
    String part = only == null ? "all" : only.trim().toLowerCase(Locale.ROOT);
    if (part.equals("shapley")) {
      if (journeys < 1) {
        throw new BadArgument("--journeys must be positive");
      }
      System.out.println("== Shapley attribution ==");
      ShapleyBench.run(System.out, journeys);
      return ExitCodes.OK;
    }
    if (!part.equals("all") && !part.equals("models") && !part.equals("markov")) {
      throw new BadArgument("unknown part '" + only + "': use models, markov or shapley");
    }
    if (touchpoints < 1 || paths < 1) {
      throw new BadArgument("--touchpoints and --paths must be positive");
    }
    if (!part.equals("markov")) {
      System.out.println("== Attribution over the in-memory dataset ==");
      ModelBench.run(System.out, touchpoints);
      System.out.println();
    }
    if (!part.equals("models")) {
      System.out.println("== Markov from a ChannelAttribution path file ==");
      MarkovBench.run(System.out, work, paths);
    }
    return ExitCodes.OK;
  }
}
