package org.revtrace.ingest.yandexdirect;

import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.connect.AdSource;
import org.revtrace.ingest.connect.CampaignMapping;
import org.revtrace.ingest.connect.RecordCheck;
import org.revtrace.ingest.connect.ReportText;
import org.revtrace.ingest.connect.SpendCollector;
import org.revtrace.ingest.connect.VendorNumbers;

/**
 * Reads a Yandex Direct Reports API TSV report with the fields {@code Date, CampaignId,
 * CampaignName, Impressions, Clicks, Cost} and optionally {@code Conversions} (any order; extra
 * fields ignored) into spend rows.
 *
 * <p>Conversions: without {@code Goals} in the request the report has one {@code Conversions}
 * column (the account's key goals); with {@code Goals} and {@code AttributionModels} it has one
 * column per goal and model, {@code Conversions_<goal>_<model>}, and those are added up (a report
 * should then be ordered with one attribution model, or the goals are counted once per model).
 * {@code --} (no data) is 0. A report with no conversion column leaves conversions unreported.
 *
 * <p>Layout per the Reports documentation: an optional title line (report name and date range,
 * absent with {@code skipReportHeader: true}), the header row, data rows, and an optional {@code
 * Total rows: N} summary (absent with {@code skipReportSummary: true}); values are not quoted,
 * {@code --} is empty. {@code Cost} is in micro-units by default and in currency units with {@code
 * returnMoneyInMicros: false}; it includes VAT when the report was ordered with {@code IncludeVAT:
 * YES}. The summary's row count is reconciled against the records read.
 */
public final class YandexDirectReport {

  private YandexDirectReport() {}

  /**
   * The spend rows of one report.
   *
   * @param name the file or endpoint name for errors ({@code yandexdirect:<name>})
   * @param bytes the report as received (UTF-8)
   * @param currency the account currency
   * @param moneyInMicros true when Cost is in micro-units (the API default)
   */
  public static ImportResult parse(
      String name, byte[] bytes, String currency, boolean moneyInMicros, CampaignMapping mapping) {
    String file = AdSource.YANDEX_DIRECT.errorFile(name);
    String text;
    try {
      text = ReportText.decode(bytes);
    } catch (CharacterCodingException e) {
      return SpendCollector.unreadable(
          file, currency, mapping, "", ErrorCode.BAD_ENCODING, "not UTF-8 text");
    }
    List<ReportText.Line> lines = ReportText.tabSeparated(text);
    int headerIndex =
        ReportText.headerIndex(lines, 2, fields -> ReportText.column(fields, "Date") >= 0);
    if (headerIndex < 0) {
      return SpendCollector.unreadable(
          file,
          currency,
          mapping,
          "Date",
          lines.isEmpty() ? ErrorCode.EMPTY_FILE : ErrorCode.MISSING_COLUMN,
          "no header row with Date in the first two lines");
    }
    ReportText.Line headerLine = lines.get(headerIndex);
    List<String> header = headerLine.fields();
    SpendCollector collector = new SpendCollector(file, currency, mapping, header);
    int date = ReportText.column(header, "Date");
    int id = ReportText.column(header, "CampaignId");
    int campaign = ReportText.column(header, "CampaignName");
    int impressions = ReportText.column(header, "Impressions");
    int clicks = ReportText.column(header, "Clicks");
    int cost = ReportText.column(header, "Cost");
    List<Integer> conversions = conversionColumns(header);
    if (cost < 0 || (id < 0 && campaign < 0)) {
      collector.fileError(
          headerLine.number(),
          cost < 0 ? "Cost" : "CampaignId",
          ErrorCode.MISSING_COLUMN,
          String.join("\t", header),
          "the report needs Date, CampaignId or CampaignName, and Cost");
      return collector.result();
    }
    for (ReportText.Line line : lines.subList(headerIndex + 1, lines.size())) {
      String first = line.field(0).strip();
      if (line.fields().size() == 1 && first.startsWith("Total rows:")) {
        Long count = VendorNumbers.parseWhole(first.substring("Total rows:".length()));
        if (count == null) {
          collector.fileError(line.number(), "", ErrorCode.BAD_NUMBER, first, "report summary");
        } else {
          collector.totalRows(line.number(), first, count);
        }
        continue;
      }
      RecordCheck check = new RecordCheck(collector, line.number());
      if (line.fields().size() != header.size()) {
        check.fail(
            "",
            ErrorCode.RAGGED_ROW,
            "",
            line.fields().size() + " fields, the header has " + header.size());
      }
      String campaignId = id < 0 ? null : dash(line.field(id));
      String campaignName = campaign < 0 ? null : dash(line.field(campaign));
      check.campaign("CampaignId", campaignId, campaignName);
      check.finish(
          line.fields(),
          check.date("Date", line.field(date), DateTimeFormatter.ISO_LOCAL_DATE),
          campaignId,
          campaignName,
          impressions < 0
              ? 0
              : check.count(
                  "Impressions", line.field(impressions), VendorNumbers::parsePlainDecimal),
          clicks < 0
              ? 0
              : check.count("Clicks", line.field(clicks), VendorNumbers::parsePlainDecimal),
          moneyInMicros
              ? check.micros("Cost", line.field(cost))
              : check.amount("Cost", line.field(cost), VendorNumbers::parsePlainDecimal),
          conversions(check, header, line, conversions));
    }
    return collector.result();
  }

  /** The columns {@code Conversions} or {@code Conversions_<goal>_<model>}, in header order. */
  private static List<Integer> conversionColumns(List<String> header) {
    List<Integer> columns = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip();
      if (name.equals("Conversions") || name.startsWith("Conversions_")) {
        columns.add(i);
      }
    }
    return columns;
  }

  /** The sum of a record's conversion columns; null when the report has none. */
  private static BigDecimal conversions(
      RecordCheck check, List<String> header, ReportText.Line line, List<Integer> columns) {
    if (columns.isEmpty()) {
      return null;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (int column : columns) {
      sum =
          sum.add(
              check.conversions(
                  header.get(column).strip(),
                  line.field(column),
                  VendorNumbers::parsePlainDecimal));
    }
    return sum;
  }

  private static String dash(String value) {
    String text = value.strip();
    return text.equals("--") ? "" : text;
  }
}
