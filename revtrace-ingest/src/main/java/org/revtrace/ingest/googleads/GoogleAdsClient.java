package org.revtrace.ingest.googleads;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.connect.CampaignMapping;
import org.revtrace.ingest.connect.DateRange;
import org.revtrace.ingest.connect.SpendCursor;
import org.revtrace.ingest.connect.SpendReader;
import org.revtrace.ingest.connect.SyncBatch;
import org.revtrace.ingest.http.ApiException;
import org.revtrace.ingest.http.ApiHttp;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads daily campaign spend of one Google Ads customer through the REST interface of {@code
 * GoogleAdsService.SearchStream}: {@code POST
 * https://googleads.googleapis.com/<version>/customers/<customer id>/googleAds:searchStream} with a
 * GAQL query over {@code campaign} segmented by {@code segments.date}.
 *
 * <p>Headers: {@code Authorization: Bearer} with an access token from {@link GoogleOAuthTokens},
 * {@code developer-token}, and {@code login-customer-id} when the customer is reached through a
 * manager account. The answer (a JSON array of batches) is read by {@link GoogleAdsApiRows}, so the
 * micros → minor units rounding and the campaign mapping are the file reader's. A 401 is answered
 * once by obtaining a new access token; 429 ({@code RESOURCE_EXHAUSTED}) and 5xx are retried by
 * {@link ApiHttp}; other refusals become an {@link ApiException} naming the API's status, its first
 * {@code GoogleAdsError} (code and message) and the request id. An error object inside a 200 stream
 * fails the read as well, rather than losing the rows after it. Neither token appears in any
 * message.
 */
public final class GoogleAdsClient implements SpendReader {

  /** The production API root. */
  public static final URI BASE = URI.create("https://googleads.googleapis.com");

  /**
   * The API version used unless another is set: the latest major version at the time of writing
   * (each major version is served about a year after its release).
   */
  public static final String VERSION = "v26";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ApiHttp http;
  private final URI base;
  private final String version;
  private final String customerId;
  private final String loginCustomerId;
  private final String developerToken;
  private final GoogleOAuthTokens tokens;
  private final String currency;
  private final CampaignMapping mapping;

  /**
   * The customer's name, currency and time zone ({@code customer.currency_code}, {@code
   * customer.time_zone}): spend is in that currency and its days are that zone's days.
   */
  public record Customer(String id, String name, String currency, ZoneId zone) {}

  /**
   * @param customerId the customer (advertiser account) id, dashes allowed ({@code 123-456-7890})
   * @param loginCustomerId the manager account the access goes through, or null
   * @param currency the customer's currency, or null to read it from the customer ({@link
   *     #customer})
   */
  public GoogleAdsClient(
      ApiHttp http,
      URI base,
      String version,
      String customerId,
      String loginCustomerId,
      String developerToken,
      GoogleOAuthTokens tokens,
      String currency,
      CampaignMapping mapping) {
    this.http = Objects.requireNonNull(http, "http");
    this.base = Objects.requireNonNull(base, "base");
    this.version = requireVersion(version);
    this.customerId = digits(customerId, "customer id");
    this.loginCustomerId =
        loginCustomerId == null || loginCustomerId.isBlank()
            ? null
            : digits(loginCustomerId, "login customer id");
    this.developerToken = Objects.requireNonNull(developerToken, "developerToken");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.currency = currency;
    this.mapping = Objects.requireNonNull(mapping, "mapping");
  }

  /** The customer's name, currency and time zone (one small query; also a connection test). */
  public Customer customer() {
    JsonNode batches =
        JSON.readTree(
            search(
                "SELECT customer.id, customer.descriptive_name, customer.currency_code,"
                    + " customer.time_zone FROM customer"));
    for (JsonNode batch : batches) {
      for (JsonNode row : batch.path("results")) {
        JsonNode customer = row.path("customer");
        String code = customer.path("currencyCode").asString("");
        String zone = customer.path("timeZone").asString("");
        if (code.isBlank() || zone.isBlank()) {
          break;
        }
        try {
          return new Customer(
              customer.path("id").asString(customerId),
              customer.path("descriptiveName").asString(""),
              code,
              ZoneId.of(zone));
        } catch (DateTimeException e) {
          throw new ApiException(
              "Google Ads customer " + customerId + " has an unknown time zone: " + zone, 200, e);
        }
      }
    }
    throw new ApiException(
        "Google Ads answered no currency and time zone for customer " + customerId, 200, null);
  }

  /** The spend of {@code range} and the cursor after it. */
  public SyncBatch sync(SpendCursor cursor, DateRange range) {
    return new SyncBatch(range, fetch(range), cursor.after(range));
  }

  @Override
  public ImportResult fetch(DateRange range) {
    String code = currency != null ? currency : customer().currency();
    return GoogleAdsApiRows.parse(
        "searchStream " + range.from() + ".." + range.to(), search(query(range)), code, mapping);
  }

  /** The GAQL query of a range: one row per campaign and day with metrics (zero rows omitted). */
  static String query(DateRange range) {
    return "SELECT campaign.id, campaign.name, segments.date, metrics.impressions,"
        + " metrics.clicks, metrics.cost_micros FROM campaign WHERE segments.date BETWEEN '"
        + range.from()
        + "' AND '"
        + range.to()
        + "'";
  }

  /**
   * The answer of one SearchStream query, checked to be an array of batches without an error; a new
   * access token once on 401.
   */
  private String search(String query) {
    ObjectNode request = JSON.createObjectNode();
    request.put("query", query);
    String body = JSON.writeValueAsString(request);
    URI uri = base.resolve("/" + version + "/customers/" + customerId + "/googleAds:searchStream");
    // The token is obtained outside the try: a refused refresh token is the token endpoint's
    // error, already explained, not the API's.
    Map<String, String> headers = headers();
    ApiHttp.Answer answer;
    try {
      answer = http.send(ApiHttp.Call.post(uri, headers, body));
    } catch (ApiException e) {
      if (e.status() != 401) {
        throw explained(e);
      }
      tokens.invalidate();
      Map<String, String> renewed = headers();
      try {
        answer = http.send(ApiHttp.Call.post(uri, renewed, body));
      } catch (ApiException again) {
        throw explained(again);
      }
    }
    JsonNode batches;
    try {
      batches = JSON.readTree(answer.body());
    } catch (JacksonException e) {
      throw new ApiException(
          "Google Ads answered " + answer.status() + " with a body that is not JSON",
          answer.status(),
          null);
    }
    if (batches == null || !batches.isArray()) {
      throw new ApiException(
          "Google Ads answered " + answer.status() + " without a SearchStream array",
          answer.status(),
          null);
    }
    for (JsonNode batch : batches) {
      if (batch.has("error")) {
        throw new ApiException(
            "Google Ads stopped the stream: " + describe(batch.path("error")),
            answer.status(),
            answer.body(),
            null);
      }
    }
    return answer.body();
  }

  private Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + tokens.accessToken());
    headers.put("developer-token", developerToken);
    if (loginCustomerId != null) {
      headers.put("login-customer-id", loginCustomerId);
    }
    headers.put("Content-Type", "application/json");
    return headers;
  }

  private static ApiException explained(ApiException e) {
    if (e.status() < 400) {
      return e;
    }
    JsonNode error;
    try {
      JsonNode root = JSON.readTree(e.body());
      error = root != null && root.isArray() ? root.path(0).path("error") : root.path("error");
    } catch (RuntimeException notJson) {
      return e;
    }
    if (error == null || !error.isObject()) {
      return e;
    }
    return new ApiException(
        "Google Ads refused the request (" + e.status() + "): " + describe(error),
        e.status(),
        e.body(),
        null);
  }

  /**
   * {@code PERMISSION_DENIED: The caller does not have permission; authorizationError
   * USER_PERMISSION_DENIED: ...; request id ...} from a {@code google.rpc.Status} object.
   */
  static String describe(JsonNode error) {
    StringBuilder text = new StringBuilder();
    text.append(error.path("status").asString("?"))
        .append(": ")
        .append(error.path("message").asString(""));
    for (JsonNode detail : error.path("details")) {
      JsonNode first = detail.path("errors").path(0);
      if (!first.isMissingNode()) {
        JsonNode code = first.path("errorCode");
        if (code.isObject() && !code.isEmpty()) {
          Map.Entry<String, JsonNode> entry = code.properties().iterator().next();
          text.append("; ").append(entry.getKey()).append(' ').append(entry.getValue().asString());
        }
        text.append(": ").append(first.path("message").asString(""));
      }
      if (detail.has("requestId")) {
        text.append("; request id ").append(detail.path("requestId").asString());
      }
    }
    return text.toString();
  }

  private static String requireVersion(String version) {
    if (version == null || !version.matches("v\\d{1,3}(_\\d{1,2})?")) {
      throw new IllegalArgumentException(
          "a Google Ads API version looks like v" + VERSION.substring(1) + ", got: " + version);
    }
    return version;
  }

  private static String digits(String id, String what) {
    String value = id == null ? "" : id.strip().replace("-", "");
    if (!value.matches("\\d{1,20}")) {
      throw new IllegalArgumentException(
          "a Google Ads " + what + " is digits (123-456-7890), got: " + id);
    }
    return value;
  }
}
