package org.revtrace.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.revtrace.app.report.TextTable;
import org.revtrace.core.journey.AccountEngagement;
import org.revtrace.core.journey.Engagement;
import org.revtrace.core.journey.EngagementOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code revtrace engagement}: accounts ranked by their decayed, weighted touches. */
@Command(
    name = "engagement",
    mixinStandardHelpOptions = true,
    description = {
      "Account engagement score: Σ weight(touch type) × 2^(−age / half-life) over the account's",
      "touches, as of a day (docs/definitions/engagement.md)."
    })
public final class EngagementCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin InputOptions input;

  @Mixin AnalysisOptions analysis;

  @Option(
      names = "--top",
      defaultValue = "20",
      description = "Accounts to show (default: ${DEFAULT-VALUE}).")
  int top;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    boolean json = analysis.json();
    if (top < 1) {
      throw new BadArgument("--top must be positive");
    }
    DataLoader.Loaded loaded = DataLoader.load(input, analysis.currency());
    DataLoader.reportErrors(loaded, null, spec.commandLine().getErr());
    Engagement engagement =
        Engagement.compute(
            loaded.dataset(),
            EngagementOptions.defaults(Output.asOf(analysis.asOfDay(), loaded.dataset())));
    List<AccountEngagement> shown = engagement.accounts().stream().limit(top).toList();
    if (json) {
      Output.json(new Engagement(engagement.options(), shown), out);
    } else {
      TextTable table = new TextTable(List.of("account", "score", "touches", "last touch"));
      for (AccountEngagement account : shown) {
        table.add(
            List.of(
                account.accountId(),
                String.format(Locale.ROOT, "%.1f", account.score()),
                Output.count(account.touches()),
                account.lastTouch().toString()));
      }
      out.printf(Locale.ROOT, "Account engagement as of %s%n%n", engagement.options().reference());
      out.print(table.render(false));
    }
    out.flush();
    return loaded.hasErrors() ? ExitCodes.DATA_ERRORS : ExitCodes.OK;
  }
}
