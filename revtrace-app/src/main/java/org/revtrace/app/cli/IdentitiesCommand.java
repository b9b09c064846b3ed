package org.revtrace.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.revtrace.app.report.IdentityReport;
import org.revtrace.core.identity.Identities;
import org.revtrace.core.identity.IdentityOptions;
import org.revtrace.core.identity.IdentityResolver;
import org.revtrace.core.identity.Merge;
import org.revtrace.core.identity.MergeRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code revtrace identities}: how people, accounts and duplicate leads were resolved, and why. */
@Command(
    name = "identities",
    mixinStandardHelpOptions = true,
    description = {
      "Identity resolution: every merge of people, accounts and duplicate leads with the rule",
      "that made it, a summary per rule, and keys refused because too many people share them",
      "(docs/definitions/identity-resolution.md)."
    })
public final class IdentitiesCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin InputOptions input;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table, csv (the merges) or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--currency",
      defaultValue = "RUB",
      description = "Reporting currency of the loaded data (default: ${DEFAULT-VALUE}).")
  String currency;

  @Option(
      names = "--rule",
      description =
          "Only merges of this rule: VISITOR_ID, CLICK_ID, EMAIL, PHONE, CRM_COMPANY,"
              + " EMAIL_DOMAIN, DERIVED_DOMAIN, DUPLICATE_LEAD.")
  String rule;

  @Option(
      names = "--id",
      description =
          "Explain one person or account: a contact, visitor, lead or account id, optionally"
              + " prefixed (contact:c1, account:a1).")
  String id;

  @Option(
      names = "--limit",
      defaultValue = "50",
      description = "Merges shown in a table or JSON (default: ${DEFAULT-VALUE}; csv has all).")
  int limit;

  @Option(
      names = "--max-people-per-key",
      defaultValue = "5",
      description = "A key shared by more people is not used to merge (default: ${DEFAULT-VALUE}).")
  int maxPeoplePerKey;

  @Option(
      names = "--duplicate-window-days",
      defaultValue = "30",
      description =
          "Leads of a person this close are one lead; 0 turns it off (default: ${DEFAULT-VALUE}).")
  int duplicateWindowDays;

  @Option(
      names = "--no-derived-accounts",
      description = "Do not make an account of a corporate e-mail domain no account has.")
  boolean noDerivedAccounts;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    String shape = format.trim().toLowerCase(Locale.ROOT);
    if (!List.of("table", "csv", "json").contains(shape)) {
      throw new BadArgument("unknown format '" + format + "': use table, csv or json");
    }
    MergeRule selected = rule == null ? null : parseRule(rule);
    if (limit < 1) {
      throw new BadArgument("--limit must be positive");
    }
    if (maxPeoplePerKey < 1) {
      throw new BadArgument("--max-people-per-key must be at least 1");
    }
    if (duplicateWindowDays < 0) {
      throw new BadArgument("--duplicate-window-days must not be negative");
    }
    IdentityOptions options =
        IdentityOptions.defaults()
            .withMaxPeoplePerKey(maxPeoplePerKey)
            .withDuplicateLeadWindow(Duration.ofDays(duplicateWindowDays))
            .withDeriveAccounts(!noDerivedAccounts);
    DataLoader.Loaded loaded = DataLoader.load(input, Formats.currency(currency));
    DataLoader.reportErrors(loaded, null, spec.commandLine().getErr());
    // Identities depend on ids, e-mails, phones, landing pages and times only, which
    // normalisation leaves alone, so the imported data resolves like the indexed data.
    Identities identities =
        options.equals(IdentityOptions.defaults())
            ? loaded.dataset().identities()
            : IdentityResolver.resolve(loaded.imported().data(), options);
    List<Merge> merges = IdentityReport.select(identities, selected, id);
    if (id != null && merges.isEmpty() && identities.personsOf(id).isEmpty()) {
      spec.commandLine().getErr().println("No person or account is known by '" + id + "'.");
    }
    switch (shape) {
      case "json" -> Output.json(IdentityReport.json(identities, selected, id, limit), out);
      case "csv" -> IdentityReport.csv(merges, out);
      default -> out.print(IdentityReport.table(identities, merges, limit));
    }
    out.flush();
    return loaded.hasErrors() ? ExitCodes.DATA_ERRORS : ExitCodes.OK;
  }

  static MergeRule parseRule(String code) {
    return MergeRule.parse(code)
        .orElseThrow(
            () ->
                new BadArgument(
                    "unknown rule '"
                        + code
                        + "': use one of "
                        + Arrays.stream(MergeRule.values())
                            .map(MergeRule::code)
                            .collect(Collectors.joining(", "))));
  }
}
