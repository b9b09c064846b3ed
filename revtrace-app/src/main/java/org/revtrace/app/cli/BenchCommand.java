package org.revtrace.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.revtrace.app.bench.ModelBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code revtrace bench}: prints the engines' speed on this machine (medians of warm runs). */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmark attribution: rule models and Markov over the in-memory dataset.")
public final class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--touchpoints",
      defaultValue = "10000000",
      description = "Touchpoints in the in-memory dataset (default: ${DEFAULT-VALUE}).")
  int touchpoints;

  @Option(
      names = "--work",
      defaultValue = "target/bench",
      description = "Folder for generated benchmark files (default: ${DEFAULT-VALUE}).")
  Path work;

  @Override
  public Integer call() throws Exception {
    System.out.println("== Attribution over the in-memory dataset ==");
    ModelBench.run(System.out, touchpoints);
    return ExitCodes.OK;
  }
}
