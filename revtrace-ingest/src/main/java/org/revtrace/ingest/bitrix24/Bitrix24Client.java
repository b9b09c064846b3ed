package org.revtrace.ingest.bitrix24;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.revtrace.ingest.http.ApiException;
import org.revtrace.ingest.http.ApiHttp;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Bitrix24 REST list methods ({@code crm.deal.list}, {@code crm.stagehistory.list}, …) page
 * by page through {@link ApiHttp}.
 *
 * <p>Paging: each answer holds up to 50 records and, when more follow, {@code next} (the {@code
 * start} of the next page); reading stops when {@code next} is absent. Rate limit: Bitrix24 allows
 * about 2 requests per second per portal (a leaky bucket of 50) and answers {@code 503
 * QUERY_LIMIT_EXCEEDED} beyond it; the client spaces its requests by {@code spacing} and {@link
 * ApiHttp} retries 503 and 429 with backoff.
 *
 * <p>Secrets: an incoming-webhook URL carries its token in the <em>path</em> ({@code
 * https://portal.bitrix24.ru/rest/1/<token>/}), which {@link ApiHttp}'s messages keep. Every
 * message this client lets out has the token replaced by {@code ***}. An OAuth token travels as the
 * {@code auth} query parameter, which {@link ApiHttp} never prints.
 */
public final class Bitrix24Client {

  /** The page size of Bitrix24 list methods; fixed by the API. */
  public static final int PAGE_SIZE = 50;

  private static final Pattern WEBHOOK = Pattern.compile("(https?://[^/]+/rest/\\d+/)([^/?#]+)/?");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ApiHttp http;
  private final String base;
  private final String accessToken;
  private final String secret;
  private final ApiHttp.Pause pause;
  private final Duration spacing;
  private boolean sentBefore;

  private Bitrix24Client(
      ApiHttp http,
      String base,
      String accessToken,
      String secret,
      ApiHttp.Pause pause,
      Duration spacing) {
    this.http = Objects.requireNonNull(http, "http");
    this.base = base;
    this.accessToken = accessToken;
    this.secret = secret;
    this.pause = Objects.requireNonNull(pause, "pause");
    this.spacing = Objects.requireNonNull(spacing, "spacing");
  }

  /**
   * A client of an incoming webhook, {@code https://portal.bitrix24.ru/rest/<user>/<token>/}.
   *
   * @param spacing the least time between two requests (500 ms keeps to 2 requests per second)
   * @throws IllegalArgumentException when the URL is not of that form (the message shows no token)
   */
  public static Bitrix24Client webhook(
      ApiHttp http, String webhookUrl, ApiHttp.Pause pause, Duration spacing) {
    Matcher matcher = WEBHOOK.matcher(webhookUrl == null ? "" : webhookUrl.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "a Bitrix24 webhook URL looks like https://portal.bitrix24.ru/rest/1/<token>/");
    }
    return new Bitrix24Client(
        http, matcher.group(1) + matcher.group(2) + "/", null, matcher.group(2), pause, spacing);
  }

  /** A client of a portal ({@code https://portal.bitrix24.ru}) with an OAuth access token. */
  public static Bitrix24Client oauth(
      ApiHttp http, String portalUrl, String accessToken, ApiHttp.Pause pause, Duration spacing) {
    Objects.requireNonNull(accessToken, "accessToken");
    String portal = portalUrl.strip().replaceAll("/+$", "");
    return new Bitrix24Client(http, portal + "/rest/", accessToken, accessToken, pause, spacing);
  }

  /**
   * All records of a list method, every page, in the order the API returns them.
   *
   * @param method e.g. {@code crm.deal.list}
   * @param params query parameters in Bitrix24's bracket form ({@code filter[>=DATE_MODIFY]},
   *     {@code order[ID]}, {@code select[]}); a key may repeat by suffixing {@code #n} ({@code
   *     select[]#2}), which is cut off before sending
   * @return the records; for {@code crm.stagehistory.list}, whose {@code result} is an object, the
   *     items of {@code result.items}
   * @throws ApiException when a request fails for good; its message names the method, never the
   *     token
   */
  public List<JsonNode> list(String method, Map<String, String> params) {
    List<JsonNode> records = new ArrayList<>();
    long start = 0;
    while (true) {
      JsonNode answer = call(method, params, start);
      JsonNode result = answer.path("result");
      JsonNode items = result.isArray() ? result : result.path("items");
      for (JsonNode item : items) {
        records.add(item);
      }
      JsonNode next = answer.get("next");
      if (next == null || next.isNull() || !next.canConvertToLong() || next.asLong() <= start) {
        return records;
      }
      start = next.asLong();
    }
  }

  private JsonNode call(String method, Map<String, String> params, long start) {
    Map<String, String> query = new LinkedHashMap<>(params);
    query.put("start", Long.toString(start));
    if (accessToken != null) {
      query.put("auth", accessToken);
    }
    URI uri = URI.create(base + method + ".json?" + encode(query));
    try {
      if (sentBefore && !spacing.isZero()) {
        pause.sleep(spacing);
      }
      sentBefore = true;
      ApiHttp.Answer answer =
          http.send(ApiHttp.Call.get(uri, Map.of("Accept", "application/json")));
      JsonNode body = JSON.readTree(answer.body());
      if (body == null || !body.isObject()) {
        throw new ApiException(
            redact(method + " answered something that is not a JSON object"),
            answer.status(),
            null);
      }
      if (body.hasNonNull("error")) {
        throw new ApiException(
            redact(
                method
                    + " answered error "
                    + body.get("error").asString()
                    + ": "
                    + body.path("error_description").asString("")),
            answer.status(),
            null);
      }
      return body;
    } catch (ApiException e) {
      throw new ApiException(redact(e.getMessage()), e.status(), null);
    } catch (JacksonException e) {
      throw new ApiException(
          redact(method + " answered invalid JSON: " + e.getOriginalMessage()), 0, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(method + " interrupted", 0, null);
    }
  }

  /** The text with the token replaced, so that it can be logged. */
  String redact(String text) {
    return text == null ? "" : text.replace(secret, "***");
  }

  private static String encode(Map<String, String> query) {
    StringBuilder out = new StringBuilder();
    query.forEach(
        (key, value) -> {
          if (out.length() > 0) {
            out.append('&');
          }
          int hash = key.indexOf('#');
          String name = hash < 0 ? key : key.substring(0, hash);
          out.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
    return out.toString();
  }
}
