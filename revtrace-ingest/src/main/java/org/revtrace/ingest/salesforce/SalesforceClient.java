package org.revtrace.ingest.salesforce;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.revtrace.ingest.connect.ApiRecord;
import org.revtrace.ingest.http.ApiException;
import org.revtrace.ingest.http.ApiHttp;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Salesforce through the REST API ({@code /services/data/v60.0/...}) with an OAuth access
 * token ({@code Authorization: Bearer}) on the org's instance URL, through {@link ApiHttp}.
 *
 * <p>Queries ({@code GET /query?q=<SOQL>}) are followed page by page through {@code
 * nextRecordsUrl}, which must be a path under {@code /services/data/} of the same instance (the
 * token is never sent elsewhere). Amounts are parsed as exact decimals.
 *
 * <p>Errors: a {@code 401} with {@code INVALID_SESSION_ID} (the access token expired) is answered,
 * when a {@link Refresh} is configured, by one refresh-token grant and one more try with the new
 * token. A {@code 403} with {@code REQUEST_LIMIT_EXCEEDED} (the org's API request limit) is waited
 * out with a doubling backoff a few times, then fails. {@link ApiHttp} retries 5xx. Messages never
 * contain the access token, the refresh token or the client secret.
 */
public final class SalesforceClient {

  /** The REST API version used. */
  public static final String VERSION = "v60.0";

  /** The path of the REST API. */
  public static final String DATA = "/services/data/" + VERSION;

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  /**
   * What the refresh-token grant needs ({@code POST <login>/services/oauth2/token}).
   *
   * @param loginUrl {@code https://login.salesforce.com}, {@code https://test.salesforce.com} for
   *     sandboxes, or the org's My Domain URL
   * @param clientId the connected app's consumer key
   * @param clientSecret the connected app's consumer secret
   * @param refreshToken the refresh token issued to the integration user
   */
  public record Refresh(
      String loginUrl, String clientId, String clientSecret, String refreshToken) {

    public Refresh {
      Objects.requireNonNull(loginUrl, "loginUrl");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(clientSecret, "clientSecret");
      Objects.requireNonNull(refreshToken, "refreshToken");
    }

    /** Names the login URL only: the secrets stay out of logs. */
    @Override
    public String toString() {
      return "Refresh[" + loginUrl + "]";
    }
  }

  private final ApiHttp http;
  private final URI instance;
  private final Refresh refresh;
  private final ApiHttp.Pause pause;
  private final Duration spacing;
  private final Duration limitWait;
  private final int limitRetries;
  private final String firstToken;
  private String token;
  private boolean sentBefore;

  /**
   * @param instanceUrl the org's instance, e.g. {@code https://example.my.salesforce.com}
   * @param accessToken the OAuth access token
   * @param refresh how to get a new access token when it expires; null to fail instead
   * @param spacing the least time between two requests
   * @param limitWait the first wait after {@code REQUEST_LIMIT_EXCEEDED} (doubled each time)
   * @param limitRetries how many times {@code REQUEST_LIMIT_EXCEEDED} is waited out
   */
  public SalesforceClient(
      ApiHttp http,
      String instanceUrl,
      String accessToken,
      Refresh refresh,
      ApiHttp.Pause pause,
      Duration spacing,
      Duration limitWait,
      int limitRetries) {
    this.http = Objects.requireNonNull(http, "http");
    this.instance = URI.create(instanceUrl.strip().replaceAll("/+$", ""));
    if (instance.getHost() == null) {
      throw new IllegalArgumentException(
          "a Salesforce instance URL looks like https://example.my.salesforce.com");
    }
    this.firstToken = Objects.requireNonNull(accessToken, "accessToken");
    this.token = accessToken;
    this.refresh = refresh;
    this.pause = Objects.requireNonNull(pause, "pause");
    this.spacing = Objects.requireNonNull(spacing, "spacing");
    this.limitWait = Objects.requireNonNull(limitWait, "limitWait");
    this.limitRetries = limitRetries;
  }

  /**
   * Every record a SOQL query selects, all pages.
   *
   * @throws ApiException when a request fails for good, or a next page leaves the API
   */
  public List<JsonNode> query(String soql) {
    List<JsonNode> records = new ArrayList<>();
    String next = DATA + "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8);
    while (next != null) {
      JsonNode answer = get(next);
      answer.path("records").forEach(records::add);
      String following = ApiRecord.text(answer.get("nextRecordsUrl"));
      if (answer.path("done").asBoolean(true) || following == null) {
        break;
      }
      if (!following.startsWith("/services/data/") || following.contains("//")) {
        throw new ApiException(
            "query: nextRecordsUrl is not a path of the REST API (" + following + ")", 0, null);
      }
      next = following;
    }
    return records;
  }

  /** One GET answer, e.g. {@code /services/data/v60.0/sobjects/Opportunity/describe}. */
  public JsonNode get(String pathAndQuery) {
    URI uri = URI.create(instance + pathAndQuery);
    boolean refreshed = false;
    int limitHits = 0;
    Duration wait = limitWait;
    while (true) {
      try {
        spaceOut();
        ApiHttp.Answer answer =
            http.send(
                ApiHttp.Call.get(
                    uri, Map.of("Authorization", "Bearer " + token, "Accept", "application/json")));
        JsonNode body = parse(answer.body(), uri.getPath());
        if (body == null) {
          throw new ApiException(uri.getPath() + " answered no content", answer.status(), null);
        }
        return body;
      } catch (ApiException e) {
        String code = errorCode(e.body());
        if (e.status() == 401
            && "INVALID_SESSION_ID".equals(code)
            && refresh != null
            && !refreshed) {
          refreshed = true;
          refreshToken();
          continue;
        }
        if (e.status() == 403 && "REQUEST_LIMIT_EXCEEDED".equals(code)) {
          if (limitHits < limitRetries) {
            limitHits++;
            sleep(wait);
            wait = wait.multipliedBy(2);
            continue;
          }
          throw new ApiException(
              redact(
                  "Salesforce API request limit exceeded (REQUEST_LIMIT_EXCEEDED), still after "
                      + limitHits
                      + " waits: "
                      + e.getMessage()),
              e.status(),
              redact(e.body()),
              null);
        }
        throw new ApiException(redact(e.getMessage()), e.status(), redact(e.body()), null);
      }
    }
  }

  /** Runs the refresh-token grant and keeps the new access token. */
  private void refreshToken() {
    URI uri =
        URI.create(refresh.loginUrl().strip().replaceAll("/+$", "") + "/services/oauth2/token");
    String form =
        "grant_type=refresh_token"
            + "&client_id="
            + URLEncoder.encode(refresh.clientId(), StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(refresh.clientSecret(), StandardCharsets.UTF_8)
            + "&refresh_token="
            + URLEncoder.encode(refresh.refreshToken(), StandardCharsets.UTF_8);
    try {
      spaceOut();
      ApiHttp.Answer answer =
          http.send(
              ApiHttp.Call.post(
                  uri,
                  Map.of(
                      "Content-Type",
                      "application/x-www-form-urlencoded",
                      "Accept",
                      "application/json"),
                  form));
      JsonNode body = parse(answer.body(), uri.getPath());
      String fresh = body == null ? null : ApiRecord.text(body.get("access_token"));
      if (fresh == null) {
        throw new ApiException(
            "the refresh-token grant answered without an access_token", answer.status(), null);
      }
      token = fresh;
    } catch (ApiException e) {
      throw new ApiException(
          redact("refreshing the Salesforce access token failed: " + e.getMessage()),
          e.status(),
          redact(e.body()),
          null);
    }
  }

  private void spaceOut() {
    if (sentBefore && !spacing.isZero()) {
      sleep(spacing);
    }
    sentBefore = true;
  }

  private void sleep(Duration duration) {
    try {
      pause.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException("interrupted while waiting", 0, null);
    }
  }

  private static JsonNode parse(String body, String path) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (!node.isObject()) {
        throw new ApiException(path + " answered something that is not a JSON object", 0, null);
      }
      return node;
    } catch (JacksonException e) {
      throw new ApiException(path + " answered invalid JSON: " + e.getOriginalMessage(), 0, null);
    }
  }

  /**
   * The {@code errorCode} of a REST error answer ({@code [{"message": ..., "errorCode": ...}]}), or
   * the OAuth {@code error}; null when there is none.
   */
  static String errorCode(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(body);
      JsonNode first = node.isArray() ? node.path(0) : node;
      String code = ApiRecord.text(first.get("errorCode"));
      return code != null ? code : ApiRecord.text(first.get("error"));
    } catch (JacksonException e) {
      return null;
    }
  }

  private String redact(String text) {
    if (text == null) {
      return "";
    }
    String clean = text.replace(token, "***").replace(firstToken, "***");
    if (refresh != null) {
      clean = clean.replace(refresh.refreshToken(), "***").replace(refresh.clientSecret(), "***");
    }
    return clean;
  }
}
