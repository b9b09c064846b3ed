package org.revtrace.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.revtrace.app.bench.ClvBench;
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
      "Benchmark the engines on this machine and print medians of warm runs:",
      "  models: every model over an in-memory dataset of N touchpoints;",
      "  markov: a ChannelAttribution path file (1M unique paths) read and solved at orders 1-4;",
      "  shapley: Shapley values and a bootstrap over synthetic journeys;",
      "  clv: BG/NBD + Gamma-Gamma fit and CLV for N synthetic customers."
    })
public final class BenchCommand implements Callable<Integer> {

  private static final List<String> PARTS = List.of("models", "markov", "shapley", "clv");

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
      names = "--customers",
      defaultValue = "1000000",
      description = "Customers in the CLV benchmark (default: ${DEFAULT-VALUE}).")
  int customers;

  @Option(
      names = "--only",
      description = "Run one part: models, markov, shapley or clv (default: all).")
  String only;

  @Option(
      names = "--work",
      defaultValue = "target/bench",
      description = "Folder for generated benchmark files (default: ${DEFAULT-VALUE}).")
  Path work;

  @Override
  public Integer call() throws Exception {
    String part = only == null ? "all" : only.trim().toLowerCase(Locale.ROOT);
    if (!part.equals("all") && !PARTS.contains(part)) {
      throw new BadArgument("unknown part '" + only + "': use " + String.join(", ", PARTS));
    }
    if (touchpoints < 1 || paths < 1 || journeys < 1 || customers < 1) {
      throw new BadArgument("--touchpoints, --paths, --journeys and --customers must be positive");
    }
    if (runs(part, "models")) {
      System.out.println("== Attribution over the in-memory dataset ==");
      ModelBench.run(System.out, touchpoints);
      System.out.println();
    }
    if (runs(part, "markov")) {
      System.out.println("== Markov from a ChannelAttribution path file ==");
      MarkovBench.run(System.out, work, paths);
      System.out.println();
    }
    if (runs(part, "shapley")) {
      System.out.println("== Shapley attribution ==");
      ShapleyBench.run(System.out, journeys);
      System.out.println();
    }
    if (runs(part, "clv")) {
      System.out.println("== CLV: BG/NBD + Gamma-Gamma ==");
      ClvBench.run(System.out, customers);
    }
    return ExitCodes.OK;
  }

  private static boolean runs(String chosen, String part) {
    return chosen.equals("all") || chosen.equals(part);
  }
}
