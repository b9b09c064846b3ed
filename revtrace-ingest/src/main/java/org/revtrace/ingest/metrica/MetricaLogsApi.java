package org.revtrace.ingest.metrica;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.revtrace.ingest.connect.DateRange;
import org.revtrace.ingest.http.ApiException;
import org.revtrace.ingest.http.ApiHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Yandex Metrica Logs API for one counter ({@code /management/v1/counter/{id}/...}), with the
 * OAuth token in {@code Authorization: OAuth <token>}.
 *
 * <p>A log is fetched in the documented steps: {@code GET logrequests/evaluate} (is the range
 * possible within the quota; if not, the range is split into chunks of {@code
 * max_possible_day_quantity} days), {@code POST logrequests?date1&date2&fields&source=visits},
 * {@code GET logrequest/{requestId}} every {@code pollWait} until the status is {@code processed}
 * (at most {@code maxPolls} times; {@code created} and {@code awaiting_retry} wait, {@code
 * canceled}, {@code processing_failed} and the {@code cleaned_*} statuses fail), {@code GET
 * logrequest/{requestId}/part/{n}/download} for each part (TSV with a header of field names), then
 * {@code POST logrequest/{requestId}/clean} to free the counter's 10 GB log quota. Rate limits
 * (429) and server errors are retried by {@link ApiHttp}; a 4xx names the API's message. The token
 * never appears in a message.
 */
public final class MetricaLogsApi {

  /** The production endpoint. */
  public static final URI ENDPOINT = URI.create("https://api-metrika.yandex.net");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ApiHttp http;
  private final ApiHttp.Pause pause;
  private final String base;
  private final String token;
  private final String counterId;
  private final int maxPolls;
  private final Duration pollWait;

  /**
   * @param endpoint the API host ({@link #ENDPOINT}; a WireMock server in tests)
   * @param counterId the counter (tag) id
   * @param maxPolls how many status checks to wait through before giving up
   * @param pollWait the wait between status checks
   */
  public MetricaLogsApi(
      ApiHttp http,
      ApiHttp.Pause pause,
      URI endpoint,
      String token,
      String counterId,
      int maxPolls,
      Duration pollWait) {
    if (counterId == null || !counterId.strip().matches("\\d{1,12}")) {
      throw new IllegalArgumentException("a Metrica counter id is a number, got: " + counterId);
    }
    this.http = http;
    this.pause = pause;
    this.base =
        endpoint.toString().replaceAll("/+$", "") + "/management/v1/counter/" + counterId.strip();
    this.token = token;
    this.counterId = counterId.strip();
    this.maxPolls = maxPolls;
    this.pollWait = pollWait;
  }

  /**
   * What {@code logrequests/evaluate} says of a range.
   *
   * @param possible whether a log of the range can be created now
   * @param maxDays the longest range that can be requested with the remaining quota
   */
  public record Evaluation(boolean possible, long maxDays) {}

  /** Asks whether a log of {@code fields} for {@code range} can be created now. */
  public Evaluation evaluate(DateRange range, List<String> fields) {
    JsonNode answer =
        json(send(ApiHttp.Call.get(uri("/logrequests/evaluate", query(range, fields)), headers())));
    JsonNode evaluation = answer.path("log_request_evaluation");
    return new Evaluation(
        evaluation.path("possible").asBoolean(false),
        evaluation.path("max_possible_day_quantity").asLong(0));
  }

  /**
   * The TSV parts of the visits log of {@code range}, in order: one list entry per part (of each
   * chunk when the range had to be split).
   */
  public List<String> visits(DateRange range, List<String> fields) {
    Evaluation evaluation = evaluate(range, fields);
    List<DateRange> chunks = List.of(range);
    if (!evaluation.possible()) {
      if (evaluation.maxDays() < 1 || evaluation.maxDays() >= range.days()) {
        throw new ApiException(
            "Metrica cannot prepare the visits log of counter "
                + counterId
                + " for "
                + range.from()
                + ".."
                + range.to()
                + " now (the log quota is used up; clean old log requests or try later)",
            200,
            null);
      }
      chunks = range.chunks((int) Math.min(Integer.MAX_VALUE, evaluation.maxDays()));
    }
    List<String> parts = new ArrayList<>();
    for (DateRange chunk : chunks) {
      parts.addAll(log(chunk, fields));
    }
    return parts;
  }

  private List<String> log(DateRange range, List<String> fields) {
    JsonNode created =
        json(send(ApiHttp.Call.post(uri("/logrequests", query(range, fields)), headers(), "")));
    String requestId = created.path("log_request").path("request_id").asString("");
    if (!requestId.matches("\\d{1,19}")) {
      throw new ApiException("Metrica created a log request without an id", 200, null);
    }
    JsonNode request = created.path("log_request");
    for (int poll = 0; !status(request).equals("processed"); poll++) {
      String status = status(request);
      if (!status.equals("created") && !status.equals("awaiting_retry")) {
        throw new ApiException(
            "Metrica log request "
                + requestId
                + " for "
                + range.from()
                + ".."
                + range.to()
                + " ended as "
                + status,
            200,
            null);
      }
      if (poll >= maxPolls) {
        throw new ApiException(
            "Metrica log request "
                + requestId
                + " was still "
                + status
                + " after "
                + maxPolls
                + " checks; it is kept and can be cleaned in Metrica",
            200,
            null);
      }
      sleep(pollWait);
      request =
          json(send(ApiHttp.Call.get(uri("/logrequest/" + requestId, ""), headers())))
              .path("log_request");
    }
    List<String> parts = new ArrayList<>();
    ApiHttp.Call clean =
        ApiHttp.Call.post(uri("/logrequest/" + requestId + "/clean", ""), headers(), "");
    try {
      for (JsonNode part : request.path("parts")) {
        String number = part.path("part_number").asString("");
        parts.add(
            send(ApiHttp.Call.get(
                    uri("/logrequest/" + requestId + "/part/" + number + "/download", ""),
                    headers()))
                .body());
      }
    } catch (RuntimeException failed) {
      try {
        send(clean);
      } catch (RuntimeException alsoFailed) {
        failed.addSuppressed(alsoFailed);
      }
      throw failed;
    }
    send(clean);
    return parts;
  }

  private static String status(JsonNode request) {
    return request.path("status").asString("");
  }

  private ApiHttp.Answer send(ApiHttp.Call call) {
    try {
      return http.send(call);
    } catch (ApiException e) {
      if (e.status() >= 400 && e.status() < 500) {
        throw new ApiException(
            "Metrica Logs API refused the request (" + e.status() + "): " + message(e.body()),
            e.status(),
            e.body(),
            e);
      }
      throw e;
    }
  }

  /** The API's own message ({@code {"errors":[{"error_type","message"}],"message"}}). */
  private static String message(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      List<String> parts = new ArrayList<>();
      for (JsonNode error : node.path("errors")) {
        parts.add(error.path("error_type").asString("") + " " + error.path("message").asString(""));
      }
      return parts.isEmpty()
          ? node.path("message").asString("no detail")
          : String.join("; ", parts);
    } catch (RuntimeException notJson) {
      return "no detail";
    }
  }

  private static JsonNode json(ApiHttp.Answer answer) {
    try {
      return JSON.readTree(answer.body());
    } catch (RuntimeException e) {
      throw new ApiException(
          "Metrica answered with something that is not JSON", answer.status(), answer.body(), e);
    }
  }

  private Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "OAuth " + token);
    headers.put("Accept", "application/json");
    return headers;
  }

  private static String query(DateRange range, List<String> fields) {
    return "date1="
        + range.from()
        + "&date2="
        + range.to()
        + "&fields="
        + URLEncoder.encode(String.join(",", fields), StandardCharsets.UTF_8)
        + "&source=visits";
  }

  private URI uri(String path, String query) {
    return URI.create(base + path + (query.isEmpty() ? "" : "?" + query));
  }

  private void sleep(Duration duration) {
    try {
      pause.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException("interrupted while the Metrica log was being prepared", 0, e);
    }
  }
}
