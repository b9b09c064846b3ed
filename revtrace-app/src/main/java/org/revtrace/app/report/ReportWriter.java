package org.revtrace.app.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.revtrace.core.metric.MetricRow;
import org.revtrace.core.metric.Report;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders a {@link Report} as JSON (the script contract), CSV, or a terminal table. */
public final class ReportWriter {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ReportWriter() {}

  /** The report contract: currency, model, goal, period, totals and channels sorted by name. */
  public static String json(Report report) {
    return json(report, "channel", null, List.of());
  }

  /**
   * The report contract with rows named {@code rowName} ({@code channel}, or {@code source} for a
   * report by source), plus, when {@code breakdownName} is given ({@code months}, {@code
   * campaigns}), an array of those rows keyed by {@code key}.
   */
  public static String json(
      Report report, String rowName, String breakdownName, List<MetricRow> breakdown) {
    ObjectNode root = JSON.createObjectNode();
    root.put("currency", report.currency());
    root.put("model", report.model());
    root.put("goal", report.goal());
    ObjectNode period = root.putObject("period");
    period.put("from", report.from() == null ? null : report.from().toString());
    period.put("to", report.to() == null ? null : report.to().toString());
    root.set("totals", row(report.totals(), report.currency(), null));
    ArrayNode channels = root.putArray(rowName + "s");
    for (MetricRow row : report.channels()) {
      ObjectNode node = row(row, report.currency(), rowName);
      ArrayNode campaigns = JSON.createArrayNode();
      for (MetricRow campaign : report.campaignsByChannel().getOrDefault(row.key(), List.of())) {
        campaigns.add(row(campaign, report.currency(), "campaign"));
      }
      node.set("campaigns", campaigns);
      channels.add(node);
    }
    if (breakdownName != null) {
      ArrayNode rows = root.putArray(breakdownName);
      breakdown.forEach(row -> rows.add(row(row, report.currency(), "key")));
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + System.lineSeparator();
  }

  private static ObjectNode row(MetricRow row, String currency, String keyName) {
    ObjectNode node = JSON.createObjectNode();
    if (keyName != null) {
      node.put(keyName, row.key());
    }
    for (Column column : Column.ALL) {
      Object value = column.extractor().value(row, currency);
      if (value == null) {
        node.putNull(column.name());
      } else if (value instanceof BigDecimal decimal) {
        node.put(column.name(), decimal);
      } else if (value instanceof Long whole) {
        node.put(column.name(), whole);
      } else if (value instanceof Double ratio) {
        node.put(column.name(), ratio);
      } else {
        throw new IllegalStateException("unexpected value " + value + " in " + column.name());
      }
    }
    return node;
  }

  /** One CSV row per channel, then a {@code total} row; all contract columns. */
  public static void csv(Report report, Writer out) {
    csv(report, "channel", report.channels(), out);
  }

  /** One CSV row per given row (keyed by {@code keyName}), then a {@code total} row. */
  public static void csv(Report report, String keyName, List<MetricRow> rows, Writer out) {
    try (CsvWriter csv = CsvWriter.builder().build(new NonClosingWriter(out))) {
      List<String> header = new ArrayList<>();
      header.add(keyName);
      Column.ALL.forEach(column -> header.add(column.name()));
      csv.writeRecord(header);
      for (MetricRow row : rows) {
        csv.writeRecord(csvCells(row, report.currency()));
      }
      csv.writeRecord(csvCells(report.totals(), report.currency()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> csvCells(MetricRow row, String currency) {
    List<String> cells = new ArrayList<>();
    cells.add(row.key());
    for (Column column : Column.ALL) {
      Object value = column.extractor().value(row, currency);
      cells.add(value == null ? "" : plain(value));
    }
    return cells;
  }

  private static String plain(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return String.valueOf(value);
  }

  /**
   * The owner's 30-second line: ROI, ROMI, CAC, LTV:CAC and revenue of the totals, each with its
   * change against {@code previous} (the preceding period of the same length) when given.
   */
  public static String headline(Report current, Report previous) {
    MetricRow now = current.totals();
    MetricRow before = previous == null ? null : previous.totals();
    String currency = current.currency();
    StringBuilder line = new StringBuilder();
    line.append("ROI ")
        .append(percent(now.roi()))
        .append(points(now.roi(), before == null ? null : before.roi()));
    line.append(" · ROMI ")
        .append(percent(now.romi()))
        .append(points(now.romi(), before == null ? null : before.romi()));
    line.append(" · CAC ")
        .append(money(now.cac(), currency))
        .append(change(now.cac(), before == null ? null : before.cac()));
    line.append(" · LTV:CAC ")
        .append(now.ltvToCac() == null ? "—" : String.format(Locale.ROOT, "%.2f", now.ltvToCac()))
        .append(change(now.ltvToCac(), before == null ? null : before.ltvToCac()));
    line.append(" · revenue ")
        .append(money((double) now.revenue(), currency))
        .append(change((double) now.revenue(), before == null ? null : (double) before.revenue()));
    if (previous != null) {
      line.append(String.format(Locale.ROOT, "  (vs %s … %s)", previous.from(), previous.to()));
    }
    return line.append(System.lineSeparator()).toString();
  }

  private static String percent(Double ratio) {
    return ratio == null ? "—" : String.format(Locale.ROOT, "%.1f%%", ratio * 100);
  }

  private static String money(Double minor, String currency) {
    if (minor == null) {
      return "—";
    }
    double major =
        minor / Math.pow(10, org.revtrace.core.model.Currencies.fractionDigits(currency));
    return String.format(Locale.ROOT, "%,.0f %s", major, currency);
  }

  /** Change of a ratio in percentage points. */
  private static String points(Double now, Double before) {
    if (now == null || before == null) {
      return "";
    }
    return String.format(Locale.ROOT, " (%+.1f pp)", (now - before) * 100);
  }

  /** Relative change of a value. */
  private static String change(Double now, Double before) {
    if (now == null || before == null || before == 0) {
      return "";
    }
    return String.format(Locale.ROOT, " (%+.1f%%)", (now - before) / Math.abs(before) * 100);
  }

  /** A fixed-width table of the owner's key columns, readable in a terminal. */
  public static String table(Report report) {
    return table(report, "channel", report.channels());
  }

  /** The table of the given rows keyed by {@code keyName}, then the totals. */
  public static String table(Report report, String keyName, List<MetricRow> tableRows) {
    return table(report, keyName, tableRows, "");
  }

  /** The table with a {@link #headline} line under its title. */
  public static String table(
      Report report, String keyName, List<MetricRow> tableRows, String headline) {
    List<Column> columns =
        Column.TABLE.stream()
            .map(
                name ->
                    Column.ALL.stream()
                        .filter(c -> c.name().equals(name))
                        .findFirst()
                        .orElseThrow())
            .toList();
    List<String> header = new ArrayList<>();
    header.add(keyName);
    columns.forEach(column -> header.add(column.name()));
    TextTable table = new TextTable(header);
    for (MetricRow row : tableRows) {
      table.add(tableCells(row, columns, report.currency()));
    }
    table.add(tableCells(report.totals(), columns, report.currency()));
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    out.printf(
        Locale.ROOT,
        "Revtrace report — model %s, goal %s, currency %s, period %s … %s%n",
        report.model(),
        report.goal(),
        report.currency(),
        report.from() == null ? "start" : report.from(),
        report.to() == null ? "end" : report.to());
    out.print(headline);
    out.println();
    out.print(table.render(true));
    out.printf(
        Locale.ROOT,
        "%nmoney in %s; roi/romi as %%; counts attributed by the model (fractional under multi-touch)%n",
        report.currency());
    out.flush();
    return text.toString();
  }

  private static List<String> tableCells(MetricRow row, List<Column> columns, String currency) {
    List<String> cells = new ArrayList<>();
    cells.add(row.key());
    for (Column column : columns) {
      Object value = column.extractor().value(row, currency);
      cells.add(formatCell(column, value));
    }
    return cells;
  }

  private static String formatCell(Column column, Object value) {
    if (value == null) {
      return "—";
    }
    return switch (column.kind()) {
      case MONEY -> String.format(Locale.ROOT, "%,.0f", ((BigDecimal) value).doubleValue());
      case COUNT ->
          value instanceof Long whole
              ? String.format(Locale.ROOT, "%,d", whole)
              : String.format(Locale.ROOT, "%,.1f", ((BigDecimal) value).doubleValue());
      case RATIO ->
          column.name().startsWith("ro")
              ? String.format(Locale.ROOT, "%.1f%%", (Double) value * 100)
              : String.format(Locale.ROOT, "%.2f", (Double) value);
    };
  }

  /** Lets the CSV writer flush without closing the caller's stream. */
  private static final class NonClosingWriter extends java.io.FilterWriter {
    NonClosingWriter(Writer out) {
      super(out);
    }

    @Override
    public void close() throws java.io.IOException {
      flush();
    }
  }
}
