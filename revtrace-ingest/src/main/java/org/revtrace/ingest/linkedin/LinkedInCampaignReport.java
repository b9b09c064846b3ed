package org.revtrace.ingest.linkedin;

import java.nio.charset.CharacterCodingException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.connect.AdSource;
import org.revtrace.ingest.connect.CampaignMapping;
import org.revtrace.ingest.connect.RecordCheck;
import org.revtrace.ingest.connect.ReportText;
import org.revtrace.ingest.connect.SpendCollector;
import org.revtrace.ingest.connect.VendorNumbers;

/**
 * Reads a LinkedIn Campaign Manager campaign performance export (daily time breakdown) into spend
 * rows.
 *
 * <p>Layout: metadata lines (report title, report start and end, account) before the header row;
 * the header is the first record with {@code Start Date (in UTC)} and {@code Total Spent}. Columns
 * used: {@code Start Date (in UTC)} ({@code M/d/yyyy} or ISO), {@code Campaign Name}, {@code
 * Campaign ID}, {@code Total Spent} (plain decimal in the account currency), {@code Impressions},
 * {@code Clicks}, {@code Currency}. Comma-separated UTF-8 and tab-separated UTF-16 are both read. A
 * row in another currency than the account's is {@code BAD_CURRENCY}.
 */
public final class LinkedInCampaignReport {

  private static final DateTimeFormatter[] DAYS = {
    DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ROOT), DateTimeFormatter.ISO_LOCAL_DATE
  };

  private LinkedInCampaignReport() {}

  /**
   * The spend rows of one export.
   *
   * @param name the file name for errors ({@code linkedin:<name>})
   * @param currency the account currency
   */
  public static ImportResult parse(
      String name, byte[] bytes, String currency, CampaignMapping mapping) {
    String file = AdSource.LINKEDIN_ADS.errorFile(name);
    String text;
    try {
      text = ReportText.decode(bytes);
    } catch (CharacterCodingException e) {
      return SpendCollector.unreadable(
          file, currency, mapping, "", ErrorCode.BAD_ENCODING, "neither UTF-8 nor UTF-16 text");
    }
    List<ReportText.Line> lines = ReportText.records(text, ReportText.delimiter(text));
    int headerIndex =
        ReportText.headerIndex(
            lines,
            Integer.MAX_VALUE,
            fields ->
                ReportText.column(fields, "Start Date (in UTC)") >= 0
                    && ReportText.column(fields, "Total Spent") >= 0);
    if (headerIndex < 0) {
      return SpendCollector.unreadable(
          file,
          currency,
          mapping,
          "Start Date (in UTC)",
          lines.isEmpty() ? ErrorCode.EMPTY_FILE : ErrorCode.MISSING_COLUMN,
          "no header row with Start Date (in UTC) and Total Spent");
    }
    List<String> header = lines.get(headerIndex).fields();
    SpendCollector collector = new SpendCollector(file, currency, mapping, header);
    int date = ReportText.column(header, "Start Date (in UTC)");
    int campaign = ReportText.column(header, "Campaign Name");
    int id = ReportText.column(header, "Campaign ID");
    int spent = ReportText.column(header, "Total Spent");
    int impressions = ReportText.column(header, "Impressions");
    int clicks = ReportText.column(header, "Clicks");
    int currencyColumn = ReportText.column(header, "Currency");
    for (ReportText.Line line : lines.subList(headerIndex + 1, lines.size())) {
      RecordCheck check = new RecordCheck(collector, line.number());
      if (currencyColumn >= 0) {
        String rowCurrency = line.field(currencyColumn).strip();
        if (!rowCurrency.isEmpty() && !rowCurrency.equalsIgnoreCase(currency)) {
          check.fail(
              "Currency",
              ErrorCode.BAD_CURRENCY,
              rowCurrency,
              "the account currency is " + currency);
        }
      }
      String campaignId = id < 0 ? null : line.field(id).strip();
      String campaignName = campaign < 0 ? null : line.field(campaign).strip();
      check.campaign("Campaign ID", campaignId, campaignName);
      check.finish(
          line.fields(),
          check.date("Start Date (in UTC)", line.field(date), DAYS),
          campaignId,
          campaignName,
          impressions < 0
              ? 0
              : check.count(
                  "Impressions", line.field(impressions), VendorNumbers::parsePlainDecimal),
          clicks < 0
              ? 0
              : check.count("Clicks", line.field(clicks), VendorNumbers::parsePlainDecimal),
          check.amount("Total Spent", line.field(spent), VendorNumbers::parsePlainDecimal));
    }
    return collector.result();
  }
}
