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

  @Option(names = "--as-of", description = "Score as of this day (default: the data's last event).")
  String asOf;

  @Option(
      names = "--top",
      defaultValue = "20",
      description = "Accounts to show (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    boolean json = Formats.isJson(format);
    if (top < 1) {
      throw new BadArgument("--top must be positive");
    }
    DataLoader.Loaded loaded = DataLoader.load(input, "RUB");
    DataLoader.reportErrors(loaded, null, spec.commandLine().getErr());
    Engagement engagement =
        Engagement.compute(
            loaded.dataset(),
            EngagementOptions.defaults(
                Output.asOf(Output.date(asOf, "--as-of"), loaded.dataset())));
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
