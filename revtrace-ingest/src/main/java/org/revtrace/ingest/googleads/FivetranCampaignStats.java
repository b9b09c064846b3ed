package org.revtrace.ingest.googleads;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.connect.AdSource;
import org.revtrace.ingest.connect.CampaignMapping;
import org.revtrace.ingest.connect.RecordCheck;
import org.revtrace.ingest.connect.ReportText;
import org.revtrace.ingest.connect.SpendCollector;
import org.revtrace.ingest.connect.VendorNumbers;

/**
 * Reads Google Ads campaign statistics as Fivetran syncs them ({@code campaign_stats}: one row per
 * campaign, day, device and network, columns {@code id, date, impressions, clicks, cost_micros})
 * into spend rows; the campaign names come from {@code campaign_history} (the latest {@code
 * updated_at} per id). Rows of the same campaign-day are summed (devices, networks).
 */
public final class FivetranCampaignStats {

  private FivetranCampaignStats() {}

  /**
   * Campaign id → name from a {@code campaign_history} CSV (columns {@code id, updated_at, name}):
   * the name of the latest {@code updated_at} per id (ISO timestamps compare as text).
   */
  public static Map<String, String> campaignNames(String historyCsv) {
    List<ReportText.Line> lines = ReportText.records(historyCsv, ',');
    Map<String, String> names = new HashMap<>();
    Map<String, String> updated = new HashMap<>();
    if (lines.isEmpty()) {
      return names;
    }
    List<String> header = lines.get(0).fields();
    int id = ReportText.column(header, "id");
    int at = ReportText.column(header, "updated_at");
    int name = ReportText.column(header, "name");
    if (id < 0 || name < 0) {
      return names;
    }
    for (ReportText.Line line : lines.subList(1, lines.size())) {
      String key = line.field(id).strip();
      String when = at < 0 ? "" : line.field(at).strip();
      if (!key.isEmpty() && when.compareTo(updated.getOrDefault(key, "")) >= 0) {
        updated.put(key, when);
        names.put(key, line.field(name).strip());
      }
    }
    return names;
  }

  /**
   * The spend rows of a {@code campaign_stats} CSV.
   *
   * @param name the file name for errors ({@code googleads:<name>})
   * @param csv the file text
   * @param currency the account currency ({@code account_history.currency_code})
   * @param campaignNames campaign id → name (may be empty: the id then becomes the utm_campaign)
   */
  public static ImportResult parse(
      String name,
      String csv,
      String currency,
      CampaignMapping mapping,
      Map<String, String> campaignNames) {
    List<ReportText.Line> lines = ReportText.records(csv, ',');
    List<String> header = lines.isEmpty() ? List.of() : lines.get(0).fields();
    SpendCollector collector =
        new SpendCollector(AdSource.GOOGLE_ADS.errorFile(name), currency, mapping, header);
    if (lines.isEmpty()) {
      collector.fileError(0, "", ErrorCode.EMPTY_FILE, "", "no header row");
      return collector.result();
    }
    int date = ReportText.column(header, "date");
    int id = ReportText.column(header, "id", "campaign_id");
    int impressions = ReportText.column(header, "impressions");
    int clicks = ReportText.column(header, "clicks");
    int cost = ReportText.column(header, "cost_micros");
    if (date < 0 || id < 0 || cost < 0) {
      collector.fileError(
          0,
          date < 0 ? "date" : id < 0 ? "id" : "cost_micros",
          ErrorCode.MISSING_COLUMN,
          String.join(",", header),
          "campaign_stats needs date, id and cost_micros");
      return collector.result();
    }
    for (ReportText.Line line : lines.subList(1, lines.size())) {
      RecordCheck check = new RecordCheck(collector, line.number());
      if (line.fields().size() != header.size()) {
        check.fail(
            "",
            ErrorCode.RAGGED_ROW,
            "",
            line.fields().size() + " fields, header has " + header.size());
      }
      String campaignId = line.field(id).strip();
      check.campaign("id", campaignId, null);
      check.finish(
          line.fields(),
          check.date("date", line.field(date), DateTimeFormatter.ISO_LOCAL_DATE),
          campaignId,
          campaignNames.get(campaignId),
          check.count("impressions", line.field(impressions), VendorNumbers::parsePlainDecimal),
          check.count("clicks", line.field(clicks), VendorNumbers::parsePlainDecimal),
          check.micros("cost_micros", line.field(cost)));
    }
    return collector.result();
  }
}
