package org.revtrace.app.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.revtrace.core.model.Currencies;
import org.revtrace.core.reconcile.Gap;
import org.revtrace.core.reconcile.Reason;
import org.revtrace.core.reconcile.ReconciliationReport;
import org.revtrace.core.reconcile.ReconciliationRow;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reconciliation as JSON (the API's and {@code revtrace reconcile --format json}), CSV (one
 * line per campaign, period, gap and reason) and a table. Money in major units, ratios as
 * fractions, {@code null} where a number is not known (docs/definitions/reconciliation.md).
 */
public final class ReconciliationWriter {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Columns of the CSV, in order. */
  public static final List<String> CSV_HEADER =
      List.of(
          "campaign",
          "channel",
          "from",
          "to",
          "platform_clicks",
          "platform_conversions",
          "platform_spend",
          "tracked_ad_clicks",
          "tracked_visits",
          "tracked_leads",
          "crm_leads",
          "deals",
          "won_deals",
          "won_revenue",
          "gap",
          "reference",
          "observed",
          "difference",
          "ratio",
          "reason",
          "effect",
          "explained",
          "affected");

  private ReconciliationWriter() {}

  /** The JSON document. */
  public static String json(ReconciliationReport report) {
    ObjectNode root = JSON.createObjectNode();
    String currency = report.currency();
    root.put("currency", currency);
    root.put("period", report.settings().period().code());
    root.put("zone", report.settings().zone().getId());
    root.put("platform_zone", report.settings().platformZone().getId());
    root.put("lookback_days", report.settings().lookback().toDays());
    root.put("from", text(report.settings().from()));
    root.put("to", text(report.settings().to()));
    root.put("campaign", report.settings().campaign());
    root.put("restatements_known", report.versionsKnown());
    root.put("unconverted_rows", report.unconverted());
    ArrayNode rows = root.putArray("rows");
    report.rows().forEach(row -> rows.add(row(row, currency)));
    ArrayNode totals = root.putArray("totals");
    report.totals().forEach(row -> totals.add(row(row, currency)));
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }

  private static ObjectNode row(ReconciliationRow row, String currency) {
    ObjectNode node = JSON.createObjectNode();
    node.put("campaign", row.campaign());
    node.put("channel", row.channel());
    node.put("from", row.from().toString());
    node.put("to", row.to().toString());
    node.put("platform_clicks", row.platformClicks());
    node.put("platform_conversions", row.platformConversions());
    node.put("platform_spend", money(row.platformSpend(), currency));
    node.put("tracked_ad_clicks", row.trackedAdClicks());
    node.put("tracked_visits", row.trackedVisits());
    node.put("tracked_leads", row.trackedLeads());
    node.put("crm_leads", row.crmLeads());
    node.put("deals", row.deals());
    node.put("won_deals", row.wonDeals());
    node.put("won_revenue", money(row.wonRevenue(), currency));
    node.put("lead_to_deal", row.leadToDeal());
    node.put("roas", row.returnOnSpend());
    ObjectNode gaps = node.putObject("gaps");
    for (Gap gap : row.gaps()) {
      ObjectNode g = gaps.putObject(gap.kind().code());
      g.put("reference", gap.reference());
      g.put("observed", gap.observed());
      g.put("difference", gap.difference());
      g.put("ratio", gap.ratio());
      g.put("explained", gap.explained());
      g.put("unexplained", gap.unexplained());
      ArrayNode reasons = g.putArray("reasons");
      for (Reason reason : gap.reasons()) {
        ObjectNode r = reasons.addObject();
        r.put("reason", reason.code().code());
        r.put("effect", reason.effect());
        r.put("explained", reason.explained());
        r.put("affected", reason.affected());
        ArrayNode examples = r.putArray("examples");
        reason.examples().forEach(examples::add);
        r.put("detail", reason.detail());
      }
    }
    return node;
  }

  /**
   * The CSV: for each row (periods, then the totals with {@code from}/{@code to} of the whole
   * range) and gap, one line per reason and one {@code unexplained} line.
   */
  public static void csv(ReconciliationReport report, Writer out) {
    try {
      CsvWriter csv = CsvWriter.builder().build(out);
      csv.writeRecord(CSV_HEADER);
      List<ReconciliationRow> all = new ArrayList<>(report.rows());
      all.addAll(report.totals());
      for (ReconciliationRow row : all) {
        List<String> facts = facts(row, report.currency());
        for (Gap gap : row.gaps()) {
          List<String> base = new ArrayList<>(facts);
          base.add(gap.kind().code());
          base.add(gap.reference().toPlainString());
          base.add(gap.observed().toPlainString());
          base.add(gap.difference().toPlainString());
          base.add(gap.ratio() == null ? "" : ratio(gap.ratio()));
          for (Reason reason : gap.reasons()) {
            List<String> line = new ArrayList<>(base);
            line.add(reason.code().code());
            line.add(reason.effect().toPlainString());
            line.add(reason.explained().toPlainString());
            line.add(Long.toString(reason.affected()));
            csv.writeRecord(line);
          }
          List<String> line = new ArrayList<>(base);
          line.add("unexplained");
          line.add("");
          line.add(gap.unexplained().toPlainString());
          line.add("");
          csv.writeRecord(line);
        }
      }
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> facts(ReconciliationRow row, String currency) {
    return new ArrayList<>(
        List.of(
            row.campaign(),
            row.channel() == null ? "" : row.channel(),
            row.from().toString(),
            row.to().toString(),
            Long.toString(row.platformClicks()),
            row.platformConversions() == null ? "" : row.platformConversions().toPlainString(),
            money(row.platformSpend(), currency).toPlainString(),
            Long.toString(row.trackedAdClicks()),
            Long.toString(row.trackedVisits()),
            Long.toString(row.trackedLeads()),
            Long.toString(row.crmLeads()),
            Long.toString(row.deals()),
            Long.toString(row.wonDeals()),
            money(row.wonRevenue(), currency).toPlainString()));
  }

  /** A table of the numbers, then one line per gap naming what explains it. */
  public static String table(ReconciliationReport report) {
    String currency = report.currency();
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "Reconciliation by %s (%s; platform days in %s; lookback %d days)%n%n",
            report.settings().period().code(),
            report.settings().zone().getId(),
            report.settings().platformZone().getId(),
            report.settings().lookback().toDays()));
    TextTable table =
        new TextTable(
            List.of(
                "campaign",
                "from",
                "to",
                "spend " + currency,
                "platform clicks",
                "tracked visits",
                "platform conv.",
                "tracked leads",
                "CRM leads",
                "deals",
                "won revenue " + currency));
    List<ReconciliationRow> all = new ArrayList<>(report.rows());
    all.addAll(report.totals());
    for (ReconciliationRow row : report.rows()) {
      table.add(cells(row, row.campaign(), currency));
    }
    for (ReconciliationRow row : report.totals()) {
      table.add(cells(row, row.campaign() + " (total)", currency));
    }
    text.append(report.rows().isEmpty() ? "No campaign with spend.\n" : table.render(false));
    text.append('\n');
    for (ReconciliationRow row : all) {
      for (Gap gap : row.gaps()) {
        if (gap.difference().signum() == 0) {
          continue;
        }
        text.append(row.campaign())
            .append(' ')
            .append(row.from())
            .append("..")
            .append(row.to())
            .append(": ")
            .append(gap.kind().code())
            .append(" gap ")
            .append(gap.difference().toPlainString())
            .append(" (")
            .append(gap.observed().toPlainString())
            .append(" of ")
            .append(gap.reference().toPlainString())
            .append(")");
        String separator = " = ";
        for (Reason reason : gap.reasons()) {
          if (reason.explained().signum() > 0) {
            text.append(separator)
                .append(reason.code().code())
                .append(' ')
                .append(reason.explained().toPlainString());
            separator = " + ";
          }
        }
        text.append(separator).append("unexplained ").append(gap.unexplained().toPlainString());
        text.append('\n');
      }
    }
    if (!report.versionsKnown()) {
      text.append(
          "\nRestated spend cannot be told from files alone: read the store (--from-store).\n");
    }
    return text.toString();
  }

  private static List<String> cells(ReconciliationRow row, String name, String currency) {
    return List.of(
        name,
        row.from().toString(),
        row.to().toString(),
        String.format(Locale.ROOT, "%,.2f", money(row.platformSpend(), currency)),
        Long.toString(row.platformClicks()),
        Long.toString(row.trackedVisits()),
        row.platformConversions() == null ? "—" : row.platformConversions().toPlainString(),
        Long.toString(row.trackedLeads()),
        Long.toString(row.crmLeads()),
        Long.toString(row.deals()),
        String.format(Locale.ROOT, "%,.2f", money(row.wonRevenue(), currency)));
  }

  private static BigDecimal money(long minor, String currency) {
    return BigDecimal.valueOf(minor, Currencies.fractionDigits(currency));
  }

  private static String ratio(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
