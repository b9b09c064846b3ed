package org.revtrace.app.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.revtrace.core.attribution.Bootstrap;
import org.revtrace.core.attribution.DataSufficiency;
import org.revtrace.core.attribution.ModelComparison;
import org.revtrace.core.model.Currencies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a {@link ModelComparison.Result}, with optional bootstrap intervals of one model, as a
 * terminal table, CSV (one row per channel and model) or JSON.
 */
public final class ComparisonWriter {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ComparisonWriter() {}

  /** Channels × models: credited conversions and their share; "n/a" when not enough data. */
  public static String table(ModelComparison.Result result, Bootstrap.Result intervals) {
    List<String> header = new ArrayList<>();
    header.add("channel");
    result.models().forEach(model -> header.add(model.code()));
    if (intervals != null) {
      header.add(
          String.format(
              Locale.ROOT, "%s %.0f%% interval", intervals.model(), intervals.confidence() * 100));
    }
    List<List<String>> lines = new ArrayList<>();
    lines.add(header);
    boolean thin = false;
    for (ModelComparison.Row row : result.rows()) {
      List<String> line = new ArrayList<>();
      line.add(row.channel());
      for (ModelComparison.Cell cell : row.cells()) {
        thin |= cell.thin();
        line.add(
            cell.status() == DataSufficiency.Status.NOT_ENOUGH_DATA
                ? "n/a"
                : String.format(
                    Locale.ROOT,
                    "%.1f (%.1f%%)%s",
                    cell.conversions(),
                    cell.share() * 100,
                    cell.thin() ? "*" : ""));
      }
      if (intervals != null) {
        Bootstrap.ChannelInterval interval = interval(intervals, row.channel());
        line.add(
            interval == null
                ? ""
                : String.format(
                    Locale.ROOT,
                    "%.1f – %.1f",
                    interval.conversionsLower(),
                    interval.conversionsUpper()));
      }
      lines.add(line);
    }
    StringBuilder out = new StringBuilder();
    int[] width = new int[header.size()];
    for (List<String> line : lines) {
      for (int i = 0; i < line.size(); i++) {
        width[i] = Math.max(width[i], line.get(i).length());
      }
    }
    for (List<String> line : lines) {
      for (int i = 0; i < line.size(); i++) {
        String cell = line.get(i);
        String pad = " ".repeat(width[i] - cell.length());
        out.append(i == 0 ? cell + pad : "  " + pad + cell);
      }
      out.append(System.lineSeparator());
    }
    out.append(
            String.format(
                Locale.ROOT,
                "%d conversions; cells: credited conversions (share).",
                result.conversions()))
        .append(System.lineSeparator());
    for (int m = 0; m < result.models().size(); m++) {
      DataSufficiency.Verdict verdict = result.verdicts().get(m);
      if (verdict.status() == DataSufficiency.Status.NOT_ENOUGH_DATA) {
        out.append(
                String.format(
                    Locale.ROOT,
                    "n/a: %s needs at least %d conversions to learn from (has %d).",
                    result.models().get(m).code(),
                    DataSufficiency.MIN_CONVERSIONS,
                    verdict.conversions()))
            .append(System.lineSeparator());
      }
    }
    if (thin) {
      out.append(
              String.format(
                  Locale.ROOT,
                  "*: channel on fewer than %d converting journeys: data-driven credit is noisy.",
                  DataSufficiency.MIN_CHANNEL_CONVERSIONS))
          .append(System.lineSeparator());
    }
    return out.toString();
  }

  /** One row per channel and model; bootstrap columns are filled on the bootstrapped model. */
  public static void csv(
      ModelComparison.Result result, Bootstrap.Result intervals, String currency, PrintWriter out) {
    CsvWriter csv = CsvWriter.builder().build(out);
    csv.writeRecord(
        "channel",
        "model",
        "status",
        "conversions",
        "share",
        "revenue",
        "revenue_share",
        "thin",
        "conversions_lower",
        "conversions_upper");
    for (ModelComparison.Row row : result.rows()) {
      for (ModelComparison.Cell cell : row.cells()) {
        boolean enough = cell.status() == DataSufficiency.Status.ATTRIBUTED;
        Bootstrap.ChannelInterval interval =
            intervals != null && intervals.model().equals(cell.model().code())
                ? interval(intervals, row.channel())
                : null;
        csv.writeRecord(
            row.channel(),
            cell.model().code(),
            cell.status().name().toLowerCase(Locale.ROOT),
            enough ? number(cell.conversions()) : "",
            enough ? number(cell.share()) : "",
            enough ? money(cell.revenue(), currency).toPlainString() : "",
            enough ? number(cell.revenueShare()) : "",
            Boolean.toString(cell.thin()),
            interval == null ? "" : number(interval.conversionsLower()),
            interval == null ? "" : number(interval.conversionsUpper()));
      }
    }
    try {
      csv.flush();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    out.flush();
  }

  /** {@code {conversions, revenue, currency, models: [{model, status}], channels: [...]}}. */
  public static String json(
      ModelComparison.Result result, Bootstrap.Result intervals, String currency) {
    ObjectNode root = JSON.createObjectNode();
    root.put("currency", currency);
    root.put("conversions", result.conversions());
    root.put("revenue", money(result.revenue(), currency));
    ArrayNode models = root.putArray("models");
    for (int m = 0; m < result.models().size(); m++) {
      ObjectNode model = models.addObject();
      model.put("model", result.models().get(m).code());
      model.put("status", result.verdicts().get(m).status().name().toLowerCase(Locale.ROOT));
    }
    if (intervals != null) {
      ObjectNode bootstrap = root.putObject("bootstrap");
      bootstrap.put("model", intervals.model());
      bootstrap.put("replicates", intervals.replicates());
      bootstrap.put("confidence", intervals.confidence());
      bootstrap.put("seed", intervals.seed());
    }
    ArrayNode channels = root.putArray("channels");
    for (ModelComparison.Row row : result.rows()) {
      ObjectNode channel = channels.addObject();
      channel.put("channel", row.channel());
      ObjectNode byModel = channel.putObject("models");
      for (ModelComparison.Cell cell : row.cells()) {
        ObjectNode node = byModel.putObject(cell.model().code());
        if (cell.status() == DataSufficiency.Status.NOT_ENOUGH_DATA) {
          node.putNull("conversions");
          continue;
        }
        node.put("conversions", cell.conversions());
        node.put("share", cell.share());
        node.put("revenue", money(cell.revenue(), currency));
        node.put("revenue_share", cell.revenueShare());
        node.put("thin", cell.thin());
      }
      Bootstrap.ChannelInterval interval =
          intervals == null ? null : interval(intervals, row.channel());
      if (interval != null) {
        ObjectNode node = channel.putObject("interval");
        node.put("conversions_lower", interval.conversionsLower());
        node.put("conversions_upper", interval.conversionsUpper());
        node.put("revenue_lower", money(Math.round(interval.revenueLower()), currency));
        node.put("revenue_upper", money(Math.round(interval.revenueUpper()), currency));
      }
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + System.lineSeparator();
  }

  private static Bootstrap.ChannelInterval interval(Bootstrap.Result intervals, String channel) {
    for (Bootstrap.ChannelInterval interval : intervals.channels()) {
      if (interval.channel().equals(channel)) {
        return interval;
      }
    }
    return null;
  }

  private static BigDecimal money(long minor, String currency) {
    return BigDecimal.valueOf(minor, Currencies.fractionDigits(currency));
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.6f", value);
  }
}
