package org.revtrace.ingest.vkads;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.Money;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.connect.AdSource;
import org.revtrace.ingest.connect.CampaignMapping;
import org.revtrace.ingest.connect.RecordCheck;
import org.revtrace.ingest.connect.SpendCollector;
import org.revtrace.ingest.connect.VendorNumbers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a VK Ads statistics answer ({@code GET /api/v2/statistics/campaigns/day.json}, metrics
 * {@code base}) into spend rows.
 *
 * <p>Shape: {@code items[]} per campaign with {@code id}, {@code rows[]} per day ({@code date},
 * {@code base.shows}, {@code base.clicks}, {@code base.spent} — a decimal string in the account
 * currency), {@code base.goals} (goals reached: the platform's conversions; absent leaves them
 * unreported) and {@code total.base}. Record numbers count day rows from 1 across items. When every
 * item has a total, their {@code spent} sum is reconciled against the kept rows to the minor unit.
 */
public final class VkAdsStatistics {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> FIELDS =
      List.of("date", "id", "base.shows", "base.clicks", "base.spent", "base.goals");

  private VkAdsStatistics() {}

  /**
   * The spend rows of one answer.
   *
   * @param name the file or endpoint name for errors ({@code vkads:<name>})
   * @param currency the account currency
   * @param campaignNames campaign id → name ({@code /api/v2/campaigns.json}); may be empty
   */
  public static ImportResult parse(
      String name,
      String json,
      String currency,
      CampaignMapping mapping,
      Map<String, String> campaignNames) {
    SpendCollector collector =
        new SpendCollector(AdSource.VK_ADS.errorFile(name), currency, mapping, FIELDS);
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      collector.fileError(
          0, "", ErrorCode.UNREADABLE_FILE, "", "not JSON: " + e.getOriginalMessage());
      return collector.result();
    }
    if (root == null || !root.path("items").isArray()) {
      collector.fileError(0, "items", ErrorCode.MISSING_COLUMN, "", "no items array");
      return collector.result();
    }
    long number = 0;
    BigDecimal total = BigDecimal.ZERO;
    boolean totals = true;
    for (JsonNode item : root.path("items")) {
      String id = text(item.path("id"));
      for (JsonNode row : item.path("rows")) {
        number++;
        String date = text(row.path("date"));
        JsonNode base = row.path("base");
        String shows = text(base.path("shows"));
        String clicks = text(base.path("clicks"));
        String spent = text(base.path("spent"));
        boolean hasGoals = !base.path("goals").isMissingNode();
        String goals = text(base.path("goals"));
        RecordCheck check = new RecordCheck(collector, number);
        check.campaign("id", id, null);
        check.finish(
            List.of(date, id, shows, clicks, spent, goals),
            check.date("date", date, DateTimeFormatter.ISO_LOCAL_DATE),
            id,
            campaignNames.get(id),
            check.count("base.shows", shows, VendorNumbers::parsePlainDecimal),
            check.count("base.clicks", clicks, VendorNumbers::parsePlainDecimal),
            check.amount("base.spent", spent, VendorNumbers::parsePlainDecimal),
            hasGoals
                ? check.conversions("base.goals", goals, VendorNumbers::parsePlainDecimal)
                : null);
      }
      BigDecimal itemTotal =
          VendorNumbers.parsePlainDecimal(text(item.path("total").path("base").path("spent")));
      if (itemTotal == null) {
        totals = false;
      } else {
        total = total.add(itemTotal);
      }
    }
    if (totals && number > 0) {
      collector.totalCost(0, total.toPlainString(), Money.ofMajor(total, currency));
    }
    return collector.result();
  }

  private static String text(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull() ? "" : node.asString();
  }
}
