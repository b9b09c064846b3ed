package org.revtrace.ingest.vkads;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.connect.CampaignMapping;
import org.revtrace.ingest.connect.DateRange;
import org.revtrace.ingest.connect.SpendCursor;
import org.revtrace.ingest.connect.SpendReader;
import org.revtrace.ingest.connect.SyncBatch;
import org.revtrace.ingest.http.ApiException;
import org.revtrace.ingest.http.ApiHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fetches daily campaign spend of one VK Ads account (ads.vk.com API v2, {@code Authorization:
 * Bearer <token>}).
 *
 * <p>First the campaign names are paged from {@code /api/v2/campaigns.json?fields=id,name} ({@code
 * limit} and {@code offset}, moving on by the items read, until {@code count} items are read); then
 * the range is read in chunks of at most {@code maxDaysPerRequest} days from {@code
 * /api/v2/statistics/campaigns/day.json?id=…&date_from=…&date_to=…&metrics=base}, with at most 200
 * campaign ids per request. Retries and rate limits are {@link ApiHttp}'s; the token never appears
 * in a message.
 */
public final class VkAdsStatisticsClient implements SpendReader {

  /** The production API root. */
  public static final URI BASE = URI.create("https://ads.vk.com");

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int PAGE = 250;
  private static final int IDS_PER_REQUEST = 200;

  private final ApiHttp http;
  private final URI base;
  private final String token;
  private final String currency;
  private final CampaignMapping mapping;
  private final int maxDaysPerRequest;

  public VkAdsStatisticsClient(
      ApiHttp http,
      URI base,
      String token,
      String currency,
      CampaignMapping mapping,
      int maxDaysPerRequest) {
    this.http = http;
    this.base = base;
    this.token = token;
    this.currency = currency;
    this.mapping = mapping;
    this.maxDaysPerRequest = maxDaysPerRequest;
  }

  /** The spend of {@code range} and the cursor after it. */
  public SyncBatch sync(SpendCursor cursor, DateRange range) {
    return new SyncBatch(range, fetch(range), cursor.after(range));
  }

  /** The spend rows of the days in {@code range}, one result part per request, combined. */
  @Override
  public ImportResult fetch(DateRange range) {
    Map<String, String> names = campaignNames();
    List<String> ids = new ArrayList<>(names.keySet());
    ids.sort(null);
    List<ImportResult> parts = new ArrayList<>();
    for (DateRange chunk : range.chunks(maxDaysPerRequest)) {
      for (int from = 0; from < ids.size(); from += IDS_PER_REQUEST) {
        List<String> batch = ids.subList(from, Math.min(ids.size(), from + IDS_PER_REQUEST));
        String query =
            "id="
                + encode(String.join(",", batch))
                + "&date_from="
                + chunk.from()
                + "&date_to="
                + chunk.to()
                + "&metrics=base";
        ApiHttp.Answer answer = get("/api/v2/statistics/campaigns/day.json", query);
        parts.add(
            VkAdsStatistics.parse(
                "statistics/campaigns/day.json " + chunk.from() + ".." + chunk.to(),
                answer.body(),
                currency,
                mapping,
                names));
      }
    }
    return ImportResult.combine(parts);
  }

  /** Campaign id → name, all pages. */
  public Map<String, String> campaignNames() {
    Map<String, String> names = new HashMap<>();
    for (int offset = 0; ; ) {
      ApiHttp.Answer answer =
          get("/api/v2/campaigns.json", "fields=id,name&limit=" + PAGE + "&offset=" + offset);
      JsonNode page = JSON.readTree(answer.body());
      JsonNode items = page.path("items");
      items.forEach(item -> names.put(item.path("id").asString(), item.path("name").asString("")));
      long count = page.path("count").asLong(0);
      // The server may return fewer than the limit per page: move on by what was read.
      offset += items.size();
      if (items.isEmpty() || offset >= count) {
        return names;
      }
    }
  }

  private ApiHttp.Answer get(String path, String query) {
    URI uri = base.resolve(path + "?" + query);
    ApiHttp.Answer answer =
        http.send(ApiHttp.Call.get(uri, Map.of("Authorization", "Bearer " + token)));
    if (answer.status() != 200) {
      throw new ApiException(
          "VK Ads answered " + answer.status() + " for " + path,
          answer.status(),
          answer.body(),
          null);
    }
    return answer;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
