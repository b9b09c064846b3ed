package org.revtrace.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.revtrace.app.report.TextTable;
import org.revtrace.core.audit.AuditReport;
import org.revtrace.core.audit.DataMap;
import org.revtrace.core.audit.Finding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code revtrace audit}: the data audit — findings in priority order, score and data map. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Audit the data: leads without source, mixed or broken UTM tags, duplicates, manual",
      "entries, time-zone mismatches, spend and touchpoints that do not meet, deals without",
      "lead or contact, stage skips, backward moves, stale deals, lead response, currency gaps",
      "and stopped feeds — in priority order (quick wins, mid-term, strategic) with the money",
      "each finding touches, a data-quality score and the data map (docs/definitions/audit.md).",
      "Exit code 4 when anything was found."
    })
public final class AuditCommand implements Callable<Integer> {

  /** Exit code when the audit found something (so scripts can alert on it). */
  public static final int FOUND = 4;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin InputOptions input;

  @Mixin AnalysisOptions analysis;

  @Option(
      names = "--sla-minutes",
      defaultValue = "60",
      description = "Lead response SLA (default: ${DEFAULT-VALUE}).")
  long slaMinutes;

  @Option(
      names = "--stale-days",
      defaultValue = "30",
      description = "An open deal idle this long is stale (default: ${DEFAULT-VALUE}).")
  long staleDays;

  @Option(
      names = "--feed-gap-days",
      defaultValue = "7",
      description = "A regular feed silent this long has stopped (default: ${DEFAULT-VALUE}).")
  long feedGapDays;

  @Option(
      names = "--duplicate-days",
      defaultValue = "30",
      description = "Leads of one person within this are duplicates (default: ${DEFAULT-VALUE}).")
  long duplicateDays;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    DataLoader.Loaded loaded = DataLoader.load(input, analysis.currency());
    DataLoader.reportErrors(loaded, null, spec.commandLine().getErr());
    AuditReport report = audit(loaded);
    if (analysis.json()) {
      Output.json(report, out);
    } else {
      out.print(text(report));
    }
    out.flush();
    return report.findings().isEmpty() ? ExitCodes.OK : FOUND;
  }

  AuditReport audit(DataLoader.Loaded loaded) {
    return new AuditOptions(analysis.asOfDay(), slaMinutes, staleDays, feedGapDays, duplicateDays)
        .run(loaded);
  }

  /** The audit as text: findings table, each finding's detail and notes, the data map. */
  public static String text(AuditReport report) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "Data audit: %d findings from %d checks, data-quality score %.1f / 100%n%n",
            report.findings().size(),
            report.checks().size(),
            report.score()));
    TextTable findings =
        new TextTable(
            List.of(
                "#",
                "horizon",
                "check",
                "affected",
                "share",
                "revenue " + report.currency(),
                "% revenue",
                "spend " + report.currency(),
                "% spend",
                "open pipeline"));
    int rank = 0;
    for (Finding finding : report.findings()) {
      findings.add(
          List.of(
              Integer.toString(++rank),
              finding.horizon().code(),
              finding.code(),
              Output.count(finding.affected()) + " " + finding.unit(),
              Output.percent(OptionalDouble.of(finding.share())),
              Output.money(finding.revenueAffected(), report.currency()),
              Output.percent(OptionalDouble.of(report.revenueShare(finding))),
              Output.money(finding.spendAffected(), report.currency()),
              Output.percent(OptionalDouble.of(report.spendShare(finding))),
              Output.money(finding.pipelineAffected(), report.currency())));
    }
    if (report.findings().isEmpty()) {
      text.append("Nothing found.\n");
    } else {
      text.append(findings.render(false));
      text.append('\n');
      rank = 0;
      for (Finding finding : report.findings()) {
        text.append(
            String.format(Locale.ROOT, "%d. %s: %s%n", ++rank, finding.code(), finding.detail()));
        for (String note : finding.notes().subList(0, Math.min(10, finding.notes().size()))) {
          text.append("   - ").append(note).append('\n');
        }
        if (finding.notes().size() > 10) {
          text.append("   - ... ").append(finding.notes().size() - 10).append(" more\n");
        }
        if (!finding.examples().isEmpty()) {
          text.append("   e.g. ").append(String.join(", ", finding.examples()));
          text.append(finding.affected() > finding.examples().size() ? ", ...\n" : "\n");
        }
      }
    }
    text.append("\nData map\n\n");
    TextTable entities = new TextTable(List.of("records", "rows", "from", "to"));
    for (DataMap.Entity entity : report.dataMap().entities()) {
      entities.add(
          List.of(
              entity.name(),
              Output.count(entity.rows()),
              entity.from() == null ? "—" : entity.from().toString(),
              entity.to() == null ? "—" : entity.to().toString()));
    }
    text.append(entities.render(false)).append('\n');
    TextTable links = new TextTable(List.of("from", "to", "shared id", "linked", "coverage"));
    for (DataMap.Link link : report.dataMap().links()) {
      links.add(
          List.of(
              link.from(),
              link.to(),
              link.via(),
              Output.count(link.linked()) + " / " + Output.count(link.total()),
              Output.percent(OptionalDouble.of(link.coverage()))));
    }
    text.append(links.render(false));
    return text.toString();
  }
}
