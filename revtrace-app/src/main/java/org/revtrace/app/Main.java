package org.revtrace.app;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.revtrace.app.cli.AuditCommand;
import org.revtrace.app.cli.BadArgument;
import org.revtrace.app.cli.BenchCommand;
import org.revtrace.app.cli.ClvCommand;
import org.revtrace.app.cli.CohortsCommand;
import org.revtrace.app.cli.DemoCommand;
import org.revtrace.app.cli.EngagementCommand;
import org.revtrace.app.cli.ExitCodes;
import org.revtrace.app.cli.ForecastCommand;
import org.revtrace.app.cli.FunnelCommand;
import org.revtrace.app.cli.IdentitiesCommand;
import org.revtrace.app.cli.ImportCommand;
import org.revtrace.app.cli.PathsCommand;
import org.revtrace.app.cli.ReportCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code revtrace} command line: demo, report, import, bench, serve. */
@Command(
    name = "revtrace",
    mixinStandardHelpOptions = true,
    version = "revtrace 0.1.0",
    description =
        "End-to-end B2B marketing analytics: what did each rouble of marketing bring back?",
    subcommands = {
      DemoCommand.class,
      ReportCommand.class,
      org.revtrace.app.cli.CompareCommand.class,
      ImportCommand.class,
      FunnelCommand.class,
      AuditCommand.class,
      org.revtrace.app.cli.ReconcileCommand.class,
      ForecastCommand.class,
      PathsCommand.class,
      EngagementCommand.class,
      IdentitiesCommand.class,
      ClvCommand.class,
      CohortsCommand.class,
      org.revtrace.app.cli.RecommendCommand.class,
      BenchCommand.class,
      org.revtrace.app.cli.ServeCommand.class,
      org.revtrace.app.cli.BackupCommand.class,
      org.revtrace.app.cli.RestoreCommand.class,
      org.revtrace.app.cli.ConnectCommand.class,
      org.revtrace.app.cli.SyncCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(out, err, args));
  }

  /** Runs the command line with the given streams and returns its exit code ({@link ExitCodes}). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, System.getenv(), args);
  }

  /**
   * Runs the command line as {@link #run(PrintWriter, PrintWriter, String...)}, with {@code
   * environment} in place of the process environment where connectors read their secrets.
   */
  public static int run(
      PrintWriter out, PrintWriter err, java.util.Map<String, String> environment, String... args) {
    CommandLine commandLine = new CommandLine(new Main());
    ((org.revtrace.app.cli.ConnectCommand) commandLine.getSubcommands().get("connect").getCommand())
            .environment =
        environment;
    ((org.revtrace.app.cli.SyncCommand) commandLine.getSubcommands().get("sync").getCommand())
            .environment =
        environment;
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExitCodeExceptionMapper(error -> ExitCodes.FAILURE);
    commandLine.setExecutionExceptionHandler(
        (error, cl, parseResult) -> {
          cl.getErr().println("revtrace: " + error.getMessage());
          if (Boolean.getBoolean("revtrace.debug")) {
            error.printStackTrace(cl.getErr());
          }
          return error instanceof BadArgument ? ExitCodes.BAD_ARGUMENTS : ExitCodes.FAILURE;
        });
    commandLine.setParameterExceptionHandler(
        (error, args2) -> {
          CommandLine cl = error.getCommandLine();
          cl.getErr().println("revtrace: " + error.getMessage());
          cl.usage(cl.getErr());
          return ExitCodes.BAD_ARGUMENTS;
        });
    return commandLine.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
