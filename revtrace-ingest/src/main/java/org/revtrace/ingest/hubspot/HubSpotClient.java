package org.revtrace.ingest.hubspot;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.revtrace.ingest.connect.ApiRecord;
import org.revtrace.ingest.http.ApiException;
import org.revtrace.ingest.http.ApiHttp;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads HubSpot CRM objects through {@link ApiHttp} with a private-app token ({@code Authorization:
 * Bearer}).
 *
 * <p>Incremental reads use the CRM search API ({@code POST /crm/v3/objects/{type}/search}): one
 * filter "modification property {@code GTE} the cursor" (epoch milliseconds), sorted ascending by
 * that property, pages of {@link #PAGE_LIMIT} followed by {@code paging.next.after}. The search API
 * serves at most {@link #SEARCH_CAP} results per query (a page beyond answers 400), so before
 * paging past it the search restarts with the filter moved to the greatest modification time seen;
 * records read twice at that boundary are kept once (the later copy). More than {@link #SEARCH_CAP}
 * records modified in the same millisecond cannot be paged and fail with an {@link ApiException}
 * rather than loop.
 *
 * <p>Search results carry no associations and no property history, so both are read for the records
 * found: associations through the v4 batch read ({@code POST
 * /crm/v4/associations/{from}/{to}/batch/read}), deal stage history through the v3 batch read with
 * {@code propertiesWithHistory} ({@code POST /crm/v3/objects/deals/batch/read}).
 *
 * <p>Rate limits: the search API allows 5 requests per second per token (others more); the client
 * spaces its requests and {@link ApiHttp} retries 429 (honouring {@code Retry-After}) and 5xx. The
 * token travels in a header, which no message includes, and messages are redacted once more.
 */
public final class HubSpotClient {

  /** HubSpot's API host. */
  public static final String API = "https://api.hubapi.com";

  /** The largest search page HubSpot serves. */
  public static final int PAGE_LIMIT = 200;

  /** The most results one search query can page through. */
  public static final int SEARCH_CAP = 10_000;

  /** Records per batch read with property history (HubSpot serves fewer with history). */
  static final int HISTORY_BATCH = 50;

  /** Records per v4 association batch read. */
  static final int ASSOCIATION_BATCH = 100;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ApiHttp http;
  private final URI base;
  private final String token;
  private final ApiHttp.Pause pause;
  private final Duration spacing;
  private final int pageSize;
  private final int cap;
  private boolean sentBefore;

  /**
   * @param baseUrl {@link #API}, or a test server
   * @param token the private app's access token
   * @param spacing the least time between two requests (250 ms keeps under 5 per second)
   */
  public HubSpotClient(
      ApiHttp http, String baseUrl, String token, ApiHttp.Pause pause, Duration spacing) {
    this(http, baseUrl, token, pause, spacing, PAGE_LIMIT, SEARCH_CAP);
  }

  /** A client with a smaller page and cap, so tests can reach the cap with a few records. */
  HubSpotClient(
      ApiHttp http,
      String baseUrl,
      String token,
      ApiHttp.Pause pause,
      Duration spacing,
      int pageSize,
      int cap) {
    this.http = Objects.requireNonNull(http, "http");
    this.base = URI.create(baseUrl.strip().replaceAll("/+$", ""));
    if (base.getHost() == null) {
      throw new IllegalArgumentException("a HubSpot API URL looks like " + API);
    }
    this.token = Objects.requireNonNull(token, "token");
    this.pause = Objects.requireNonNull(pause, "pause");
    this.spacing = Objects.requireNonNull(spacing, "spacing");
    this.pageSize = pageSize;
    this.cap = cap;
  }

  /**
   * Every record of {@code objectType} modified at or after {@code from} (all when null), in
   * ascending order of modification, each once.
   *
   * @param objectType {@code contacts}, {@code companies}, {@code deals}
   * @param modifiedProperty {@code hs_lastmodifieddate}; {@code lastmodifieddate} for contacts
   * @param properties the properties to return (the modification property is added)
   * @throws ApiException when a request fails for good, or the cap cannot be paged around
   */
  public List<JsonNode> search(
      String objectType, String modifiedProperty, Instant from, List<String> properties) {
    String path = "/crm/v3/objects/" + objectType + "/search";
    List<String> wanted = new ArrayList<>(properties);
    if (!wanted.contains(modifiedProperty)) {
      wanted.add(modifiedProperty);
    }
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    Instant since = from;
    String after = null;
    Instant latest = null;
    while (true) {
      JsonNode answer = post(path, searchBody(modifiedProperty, since, wanted, after));
      for (JsonNode result : answer.path("results")) {
        // A record read again after a restart is kept once, where it was read last; a record
        // without an id is kept as it is, for the mapping to report.
        String id = ApiRecord.text(result.get("id"));
        String key = id == null ? "\u0000" + byId.size() : id;
        byId.remove(key);
        byId.put(key, result);
        Instant modified = modifiedAt(result, modifiedProperty);
        if (modified != null && (latest == null || modified.isAfter(latest))) {
          latest = modified;
        }
      }
      String next = ApiRecord.text(answer.path("paging").path("next").get("after"));
      if (next == null) {
        return new ArrayList<>(byId.values());
      }
      if (!next.matches("\\d{1,9}")) {
        throw new ApiException(path + ": unexpected paging.next.after '" + next + "'", 0, null);
      }
      if (Long.parseLong(next) + pageSize > cap) {
        if (latest == null || latest.equals(since)) {
          throw new ApiException(
              path
                  + ": more than "
                  + cap
                  + " records modified at "
                  + since
                  + "; the search API cannot page past them",
              0,
              null);
        }
        since = latest;
        after = null;
      } else {
        after = next;
      }
    }
  }

  /** One GET answer, e.g. {@code /crm/v3/pipelines/deals}. */
  public JsonNode get(String path) {
    return call(ApiHttp.Call.get(URI.create(base + path), headers()), path);
  }

  /**
   * The records with these ids read in batches of {@link #HISTORY_BATCH}, with {@code properties}
   * and the full history of {@code withHistory} (as {@code propertiesWithHistory}).
   */
  public List<JsonNode> batchRead(
      String objectType, List<String> ids, List<String> properties, List<String> withHistory) {
    String path = "/crm/v3/objects/" + objectType + "/batch/read";
    List<JsonNode> results = new ArrayList<>();
    for (int start = 0; start < ids.size(); start += HISTORY_BATCH) {
      ObjectNode body = JSON.createObjectNode();
      properties.forEach(body.putArray("properties")::add);
      withHistory.forEach(body.putArray("propertiesWithHistory")::add);
      ArrayNode inputs = body.putArray("inputs");
      ids.subList(start, Math.min(ids.size(), start + HISTORY_BATCH))
          .forEach(id -> inputs.addObject().put("id", id));
      post(path, body).path("results").forEach(results::add);
    }
    return results;
  }

  /**
   * The ids of {@code toType} records associated with each of {@code ids} ({@code fromType}), read
   * in batches of {@link #ASSOCIATION_BATCH}; an association labelled "Primary" comes first. Ids
   * without associations are absent from the map.
   */
  public Map<String, List<String>> associations(String fromType, String toType, List<String> ids) {
    String path = "/crm/v4/associations/" + fromType + "/" + toType + "/batch/read";
    Map<String, List<String>> linked = new LinkedHashMap<>();
    for (int start = 0; start < ids.size(); start += ASSOCIATION_BATCH) {
      ObjectNode body = JSON.createObjectNode();
      ArrayNode inputs = body.putArray("inputs");
      ids.subList(start, Math.min(ids.size(), start + ASSOCIATION_BATCH))
          .forEach(id -> inputs.addObject().put("id", id));
      for (JsonNode result : post(path, body).path("results")) {
        String from = ApiRecord.text(result.path("from").get("id"));
        if (from == null) {
          continue;
        }
        List<String> targets = linked.computeIfAbsent(from, key -> new ArrayList<>());
        for (JsonNode to : result.path("to")) {
          String target = ApiRecord.text(to.get("toObjectId"));
          if (target == null || targets.contains(target)) {
            continue;
          }
          if (isPrimary(to)) {
            targets.add(0, target);
          } else {
            targets.add(target);
          }
        }
      }
    }
    return linked;
  }

  private static boolean isPrimary(JsonNode association) {
    for (JsonNode type : association.path("associationTypes")) {
      String label = ApiRecord.text(type.get("label"));
      if (label != null && label.toLowerCase(Locale.ROOT).equals("primary")) {
        return true;
      }
    }
    return false;
  }

  private ObjectNode searchBody(
      String modifiedProperty, Instant since, List<String> properties, String after) {
    ObjectNode body = JSON.createObjectNode();
    if (since != null) {
      ObjectNode filter = body.putArray("filterGroups").addObject().putArray("filters").addObject();
      filter.put("propertyName", modifiedProperty);
      filter.put("operator", "GTE");
      filter.put("value", Long.toString(since.toEpochMilli()));
    }
    ObjectNode sort = body.putArray("sorts").addObject();
    sort.put("propertyName", modifiedProperty);
    sort.put("direction", "ASCENDING");
    properties.forEach(body.putArray("properties")::add);
    body.put("limit", pageSize);
    if (after != null) {
      body.put("after", after);
    }
    return body;
  }

  /** The record's modification time: the property searched on, else {@code updatedAt}. */
  static Instant modifiedAt(JsonNode record, String modifiedProperty) {
    Instant time = instant(ApiRecord.text(record.path("properties").get(modifiedProperty)));
    return time != null ? time : instant(ApiRecord.text(record.get("updatedAt")));
  }

  /** An ISO-8601 instant ({@code 2019-10-30T03:30:17.883Z}) or epoch milliseconds; else null. */
  static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    if (text.matches("\\d{1,15}")) {
      return Instant.ofEpochMilli(Long.parseLong(text));
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  private Map<String, String> headers() {
    return Map.of("Authorization", "Bearer " + token, "Accept", "application/json");
  }

  private JsonNode post(String path, ObjectNode body) {
    Map<String, String> headers = new LinkedHashMap<>(headers());
    headers.put("Content-Type", "application/json");
    return call(
        ApiHttp.Call.post(URI.create(base + path), headers, JSON.writeValueAsString(body)), path);
  }

  private JsonNode call(ApiHttp.Call request, String path) {
    try {
      if (sentBefore && !spacing.isZero()) {
        pause.sleep(spacing);
      }
      sentBefore = true;
      ApiHttp.Answer answer = http.send(request);
      JsonNode body =
          answer.body() == null || answer.body().isBlank() ? null : JSON.readTree(answer.body());
      if (body == null || !body.isObject()) {
        throw new ApiException(
            path + " answered something that is not a JSON object", answer.status(), null);
      }
      return body;
    } catch (ApiException e) {
      throw new ApiException(redact(e.getMessage()), e.status(), redact(e.body()), null);
    } catch (JacksonException e) {
      throw new ApiException(path + " answered invalid JSON: " + e.getOriginalMessage(), 0, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(path + " interrupted", 0, null);
    }
  }

  private String redact(String text) {
    return text == null ? "" : text.replace(token, "***");
  }
}
