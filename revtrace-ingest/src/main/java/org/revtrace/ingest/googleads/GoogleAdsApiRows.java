package org.revtrace.ingest.googleads;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.revtrace.core.model.ErrorCode;
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
 * Reads the JSON answer of a Google Ads API campaign query ({@code SELECT campaign.id,
 * campaign.name, segments.date, metrics.impressions, metrics.clicks, metrics.cost_micros FROM
 * campaign}) into spend rows.
 *
 * <p>Accepted shapes: {@code SearchStream} (a JSON array of batches, each with {@code results}) and
 * {@code Search} (one object with {@code results}). In each result, {@code campaign.id} and the
 * {@code int64} metrics are JSON strings ({@code "costMicros": "1230000"}); plain JSON numbers are
 * accepted too. Proto3 JSON omits zero values, so an absent metric is 0. Record numbers (the {@code
 * line} of errors) count results from 1 across batches.
 *
 * <p>Conversions: {@code metrics.conversions} (a JSON number, fractional under data-driven
 * attribution) fills the platform-reported conversions, kept to hundredths rounded half up (as the
 * Google Ads UI shows them). A result without it counts 0 when the batch's {@code fieldMask} names
 * the field (proto3 omits zeros), and leaves conversions unreported otherwise.
 */
public final class GoogleAdsApiRows {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final List<String> FIELDS =
      List.of(
          "segments.date",
          "campaign.id",
          "campaign.name",
          "metrics.impressions",
          "metrics.clicks",
          "metrics.costMicros",
          "metrics.conversions");

  private GoogleAdsApiRows() {}

  /**
   * The spend rows of one answer.
   *
   * @param name the file or endpoint name for errors ({@code googleads:<name>})
   * @param json the answer body
   * @param currency the account's currency ({@code customer.currency_code})
   */
  public static ImportResult parse(
      String name, String json, String currency, CampaignMapping mapping) {
    SpendCollector collector =
        new SpendCollector(AdSource.GOOGLE_ADS.errorFile(name), currency, mapping, FIELDS);
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      collector.fileError(
          0, "", ErrorCode.UNREADABLE_FILE, "", "not JSON: " + e.getOriginalMessage());
      return collector.result();
    }
    List<JsonNode> results = new ArrayList<>();
    List<Boolean> conversionsSelected = new ArrayList<>();
    if (root != null && root.isArray()) {
      root.forEach(batch -> add(batch, results, conversionsSelected));
    } else if (root != null && root.isObject() && root.has("results")) {
      add(root, results, conversionsSelected);
    } else if (root == null || !(root.isObject() || root.isArray())) {
      collector.fileError(
          0, "", ErrorCode.UNREADABLE_FILE, "", "expected a SearchStream array or a Search object");
      return collector.result();
    }
    long number = 0;
    for (JsonNode result : results) {
      number++;
      String date = text(result.path("segments").path("date"));
      String id = text(result.path("campaign").path("id"));
      String campaign = text(result.path("campaign").path("name"));
      String impressions = text(result.path("metrics").path("impressions"));
      String clicks = text(result.path("metrics").path("clicks"));
      String cost = text(result.path("metrics").path("costMicros"));
      JsonNode conversionsNode = result.path("metrics").path("conversions");
      boolean hasConversions =
          conversionsSelected.get((int) number - 1) || !conversionsNode.isMissingNode();
      String conversions = text(conversionsNode);
      RecordCheck check = new RecordCheck(collector, number);
      check.campaign("campaign.id", id, campaign);
      check.finish(
          List.of(date, id, campaign, impressions, clicks, cost, conversions),
          check.date("segments.date", date, DateTimeFormatter.ISO_LOCAL_DATE),
          id,
          campaign,
          check.count("metrics.impressions", impressions, VendorNumbers::parsePlainDecimal),
          check.count("metrics.clicks", clicks, VendorNumbers::parsePlainDecimal),
          check.micros("metrics.costMicros", cost),
          hasConversions
              ? check.conversions("metrics.conversions", conversions, GoogleAdsApiRows::parseNumber)
              : null);
    }
    return collector.result();
  }

  /** Adds a batch's results, each with whether the batch's field mask selects conversions. */
  private static void add(JsonNode batch, List<JsonNode> results, List<Boolean> selected) {
    boolean conversions =
        List.of(text(batch.path("fieldMask")).split(",")).contains("metrics.conversions");
    for (JsonNode result : batch.path("results")) {
      results.add(result);
      selected.add(conversions);
    }
  }

  /** A JSON number as text: plain ({@code 2.5}) or in exponent form ({@code 1.0E-4}). */
  private static BigDecimal parseNumber(String text) {
    BigDecimal plain = VendorNumbers.parsePlainDecimal(text);
    if (plain != null) {
      return plain;
    }
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String text(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull() ? "" : node.asString();
  }
}
