package org.revtrace.ingest.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Sends API requests with the connector's retry policy: 429 and 5xx answers and connection failures
 * are retried up to {@code maxAttempts} times, waiting {@code Retry-After} when the server gives
 * it, else an exponential backoff ({@code firstWait}, doubled each time, at most {@code maxWait}).
 * Other 4xx answers fail at once. Messages name the method and the URL without its query (where
 * some APIs put tokens) and never include headers, so a token cannot reach a log.
 */
public final class ApiHttp {

  /** Waits between attempts; tests pass one that records the waits instead of sleeping. */
  @FunctionalInterface
  public interface Pause {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** A request: method, URL, headers (for example {@code Authorization}) and an optional body. */
  public record Call(String method, URI uri, Map<String, String> headers, String body) {

    public static Call get(URI uri, Map<String, String> headers) {
      return new Call("GET", uri, headers, null);
    }

    public static Call post(URI uri, Map<String, String> headers, String body) {
      return new Call("POST", uri, headers, body);
    }
  }

  /** An answer: status, headers (first value per name, lower-case names) and the body text. */
  public record Answer(int status, Map<String, String> headers, String body) {

    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }
  }

  private static final Set<Integer> RETRIED = Set.of(429, 500, 502, 503, 504);

  private final HttpClient client;
  private final Pause pause;
  private final int maxAttempts;
  private final Duration firstWait;
  private final Duration maxWait;

  public ApiHttp(
      HttpClient client, Pause pause, int maxAttempts, Duration firstWait, Duration maxWait) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    this.client = client;
    this.pause = pause;
    this.maxAttempts = maxAttempts;
    this.firstWait = firstWait;
    this.maxWait = maxWait;
  }

  /** The default policy: 6 attempts, 1 s doubling to 60 s, a 30 s connect timeout. */
  public static ApiHttp standard() {
    return new ApiHttp(
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build(),
        duration -> Thread.sleep(duration.toMillis()),
        6,
        Duration.ofSeconds(1),
        Duration.ofSeconds(60));
  }

  /**
   * Sends {@code call}, retrying as the class describes, and returns the first answer that is
   * neither a rate limit nor a server error (a 2xx, 3xx, or 202 for reports still being built).
   *
   * @throws ApiException on a 4xx other than 429, or when the attempts run out
   */
  public Answer send(Call call) {
    Duration wait = firstWait;
    Answer last = null;
    IOException failure = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        last = once(call);
        failure = null;
        if (!RETRIED.contains(last.status())) {
          if (last.status() >= 400) {
            throw new ApiException(
                describe(call) + " answered " + last.status() + ": " + excerpt(last.body()),
                last.status(),
                last.body(),
                null);
          }
          return last;
        }
      } catch (IOException e) {
        failure = e;
      }
      if (attempt == maxAttempts) {
        break;
      }
      Duration next = last != null && failure == null ? retryAfter(last).orElse(wait) : wait;
      sleep(next.compareTo(maxWait) > 0 ? maxWait : next);
      wait = wait.multipliedBy(2).compareTo(maxWait) > 0 ? maxWait : wait.multipliedBy(2);
    }
    if (failure != null) {
      throw new ApiException(
          describe(call) + " failed after " + maxAttempts + " attempts: " + failure.getMessage(),
          0,
          failure);
    }
    throw new ApiException(
        describe(call)
            + " still answered "
            + last.status()
            + " after "
            + maxAttempts
            + " attempts: "
            + excerpt(last.body()),
        last.status(),
        null);
  }

  private Answer once(Call call) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(call.uri())
            .timeout(Duration.ofMinutes(2))
            .method(
                call.method(),
                call.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
    call.headers().forEach(request::header);
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Map<String, String> headers = new java.util.HashMap<>();
      response
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!values.isEmpty()) {
                  headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0));
                }
              });
      return new Answer(response.statusCode(), Map.copyOf(headers), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private void sleep(Duration duration) {
    try {
      pause.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException("interrupted while waiting to retry", 0, e);
    }
  }

  /** {@code Retry-After} in seconds (an HTTP date is not used by the APIs we read). */
  private static Optional<Duration> retryAfter(Answer answer) {
    OptionalLong seconds =
        answer
            .header("Retry-After")
            .filter(value -> value.strip().matches("\\d{1,6}"))
            .map(value -> OptionalLong.of(Long.parseLong(value.strip())))
            .orElse(OptionalLong.empty());
    return seconds.isPresent()
        ? Optional.of(Duration.ofSeconds(seconds.getAsLong()))
        : Optional.empty();
  }

  /** The method and the URL without query or user info. */
  static String describe(Call call) {
    URI uri = call.uri();
    return call.method()
        + " "
        + uri.getScheme()
        + "://"
        + uri.getHost()
        + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
        + uri.getPath();
  }

  private static String excerpt(String body) {
    String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }
}
