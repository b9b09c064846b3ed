package org.revtrace.ingest.amocrm;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.revtrace.ingest.connect.ApiRecord;
import org.revtrace.ingest.http.ApiException;
import org.revtrace.ingest.http.ApiHttp;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads amoCRM API v4 lists ({@code /api/v4/leads}, {@code /api/v4/contacts}, …) page by page
 * through {@link ApiHttp}, with a long-lived token as {@code Authorization: Bearer}.
 *
 * <p>Paging: pages of up to {@link #PAGE_LIMIT} records under {@code _embedded.<entity>}; the next
 * page is {@code _links.next.href}, followed until absent. An empty list is {@code 204 No Content}.
 * The next link must point at the account's own host: the token is never sent anywhere else. Rate
 * limit: amoCRM allows 7 requests per second per integration and answers 429 beyond it; the client
 * spaces its requests and {@link ApiHttp} retries 429 and 5xx with backoff. The token travels in a
 * header, which no message includes.
 */
public final class AmoCrmClient {

  /** The largest page amoCRM serves. */
  public static final int PAGE_LIMIT = 250;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ApiHttp http;
  private final URI account;
  private final String token;
  private final ApiHttp.Pause pause;
  private final Duration spacing;
  private boolean sentBefore;

  /**
   * @param accountUrl e.g. {@code https://example.amocrm.ru}
   * @param token the long-lived token of the integration
   * @param spacing the least time between two requests (150 ms keeps under 7 per second)
   */
  public AmoCrmClient(
      ApiHttp http, String accountUrl, String token, ApiHttp.Pause pause, Duration spacing) {
    this.http = Objects.requireNonNull(http, "http");
    this.account = URI.create(accountUrl.strip().replaceAll("/+$", ""));
    if (account.getHost() == null) {
      throw new IllegalArgumentException(
          "an amoCRM account URL looks like https://example.amocrm.ru");
    }
    this.token = Objects.requireNonNull(token, "token");
    this.pause = Objects.requireNonNull(pause, "pause");
    this.spacing = Objects.requireNonNull(spacing, "spacing");
  }

  /**
   * All records of a list, every page.
   *
   * @param path e.g. {@code /api/v4/leads}
   * @param entity the key under {@code _embedded}, e.g. {@code leads}
   * @param params query parameters ({@code with}, {@code filter[updated_at][from]}, {@code
   *     order[id]}); {@code limit} is set to {@link #PAGE_LIMIT}
   * @throws ApiException when a request fails for good, or a next link leaves the account's host
   */
  public List<JsonNode> list(String path, String entity, Map<String, String> params) {
    Map<String, String> query = new LinkedHashMap<>(params);
    query.put("limit", Integer.toString(PAGE_LIMIT));
    URI next = URI.create(account + path + "?" + encode(query));
    List<JsonNode> records = new ArrayList<>();
    while (next != null) {
      JsonNode answer = call(next);
      if (answer == null) {
        break;
      }
      answer.path("_embedded").path(entity).forEach(records::add);
      String href = ApiRecord.text(answer.path("_links").path("next").get("href"));
      URI following = href == null ? null : URI.create(href);
      if (following != null && !sameHost(following)) {
        throw new ApiException(
            path + ": the next page link points at another host (" + following.getHost() + ")",
            0,
            null);
      }
      next = following == null || following.equals(next) ? null : following;
    }
    return records;
  }

  /** One answer (not paged), e.g. {@code /api/v4/leads/pipelines}; null for 204. */
  public JsonNode one(String path) {
    return call(URI.create(account + path));
  }

  private JsonNode call(URI uri) {
    try {
      if (sentBefore && !spacing.isZero()) {
        pause.sleep(spacing);
      }
      sentBefore = true;
      ApiHttp.Answer answer =
          http.send(
              ApiHttp.Call.get(
                  uri,
                  Map.of("Authorization", "Bearer " + token, "Accept", "application/hal+json")));
      if (answer.status() == 204 || answer.body() == null || answer.body().isBlank()) {
        return null;
      }
      JsonNode body = JSON.readTree(answer.body());
      if (body == null || !body.isObject()) {
        throw new ApiException(
            uri.getPath() + " answered something that is not a JSON object", answer.status(), null);
      }
      return body;
    } catch (ApiException e) {
      throw new ApiException(redact(e.getMessage()), e.status(), null);
    } catch (JacksonException e) {
      throw new ApiException(
          uri.getPath() + " answered invalid JSON: " + e.getOriginalMessage(), 0, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(uri.getPath() + " interrupted", 0, null);
    }
  }

  private boolean sameHost(URI uri) {
    return Objects.equals(uri.getScheme(), account.getScheme())
        && account.getHost().equalsIgnoreCase(uri.getHost() == null ? "" : uri.getHost())
        && uri.getPort() == account.getPort();
  }

  private String redact(String text) {
    return text == null ? "" : text.replace(token, "***");
  }

  private static String encode(Map<String, String> query) {
    StringBuilder out = new StringBuilder();
    query.forEach(
        (key, value) -> {
          if (out.length() > 0) {
            out.append('&');
          }
          out.append(URLEncoder.encode(key, StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
    return out.toString();
  }
}
