package org.revtrace.app.collect;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.TrackedEvent;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /collect}, a plain servlet (outside Spring MVC, for throughput): one tracker event as
 * JSON ({@code {"id","type","url","referrer"}}, sent as {@code text/plain} so browsers need no
 * preflight). Answers 200 with {@code {"visitor": id}} once the event is committed (the script puts
 * the id into forms; the cookie itself is HTTP-only), 204 for a bot (dropped), 400 for an invalid
 * event, 413 when too large, 429 over the per-address limit, 503 when the writer is full or the
 * database failed (the script may resend: ids dedupe).
 */
final class CollectServlet extends HttpServlet {

  static final String COOKIE = "rt_vid";
  static final int MAX_BODY = 8 * 1024;

  private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");
  private static final Pattern VISITOR_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration COOKIE_AGE = Duration.ofDays(730);

  private final EventWriter writer;
  private final ClientLimits limits;
  private final CollectorSettings settings;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  private final Counter stored;
  private final Counter bots;
  private final Counter limited;
  private final Counter invalid;

  CollectServlet(
      EventWriter writer,
      ClientLimits limits,
      CollectorSettings settings,
      Clock clock,
      MeterRegistry meters) {
    this.writer = writer;
    this.limits = limits;
    this.settings = settings;
    this.clock = clock;
    this.stored = meters.counter("revtrace.collect.events", "outcome", "stored");
    this.bots = meters.counter("revtrace.collect.events", "outcome", "bot");
    this.limited = meters.counter("revtrace.collect.events", "outcome", "rate_limited");
    this.invalid = meters.counter("revtrace.collect.events", "outcome", "invalid");
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    allowOrigin(request, response);
    String type = request.getContentType() == null ? "" : request.getContentType();
    if (!(type.startsWith(MediaType.TEXT_PLAIN_VALUE)
        || type.startsWith(MediaType.APPLICATION_JSON_VALUE))) {
      invalid.increment();
      response.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
      return;
    }
    if (Bots.isBot(request.getHeader(HttpHeaders.USER_AGENT))) {
      bots.increment();
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return;
    }
    if (!limits.allow(request.getRemoteAddr(), System.nanoTime())) {
      limited.increment();
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, "1");
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      invalid.increment();
      response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
      return;
    }
    String visitor = visitor(request).orElseGet(CollectServlet::newVisitorId);
    Optional<TrackedEvent> event = event(body, visitor);
    if (event.isEmpty()) {
      invalid.increment();
      write(response, HttpServletResponse.SC_BAD_REQUEST, "{\"error\":\"invalid event\"}");
      return;
    }
    Optional<CompletableFuture<Void>> queued = writer.submit(event.get());
    if (queued.isEmpty() || !committed(queued.get())) {
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setHeader(HttpHeaders.RETRY_AFTER, "5");
      return;
    }
    stored.increment();
    response.setHeader(HttpHeaders.SET_COOKIE, cookie(visitor, request.isSecure()));
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    write(response, HttpServletResponse.SC_OK, "{\"visitor\":\"" + visitor + "\"}");
  }

  private static void write(HttpServletResponse response, int status, String json)
      throws IOException {
    byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  private Optional<TrackedEvent> event(byte[] body, String visitor) {
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (JacksonException e) {
      return Optional.empty();
    }
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    String id = node.path("id").asString("");
    TouchType type =
        switch (node.path("type").asString("")) {
          case "pageview" -> TouchType.VISIT;
          case "form" -> TouchType.FORM;
          default -> null;
        };
    if (!EVENT_ID.matcher(id).matches() || type == null) {
      return Optional.empty();
    }
    return PageAddress.parse(node.path("url").asString(""))
        .map(
            page ->
                new TrackedEvent(
                    id,
                    clock.instant(),
                    visitor,
                    type,
                    page.url(),
                    PageAddress.referrer(node.path("referrer").asString("")),
                    page.utm(),
                    page.clickId(),
                    page.clickIdKind()));
  }

  private static boolean committed(CompletableFuture<Void> stored) {
    try {
      stored.get(10, TimeUnit.SECONDS);
      return true;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Optional<String> visitor(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie cookie : cookies) {
      if (COOKIE.equals(cookie.getName()) && VISITOR_ID.matcher(cookie.getValue()).matches()) {
        return Optional.of(cookie.getValue());
      }
    }
    return Optional.empty();
  }

  private static String newVisitorId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Set by the server, HTTP-only: Safari's 7-day cap on script-set cookies does not apply. */
  private String cookie(String visitor, boolean secure) {
    ResponseCookie.ResponseCookieBuilder cookie =
        ResponseCookie.from(COOKIE, visitor)
            .httpOnly(true)
            .secure(secure)
            .path("/")
            .maxAge(COOKIE_AGE)
            .sameSite("Lax");
    if (!settings.cookieDomain().isBlank()) {
      cookie.domain(settings.cookieDomain());
    }
    return cookie.build().toString();
  }

  /** Sites listed in {@code revtrace.collect.allowed-origins} may read the answer (credentials). */
  private void allowOrigin(HttpServletRequest request, HttpServletResponse response) {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    List<String> allowed = settings.allowedOrigins();
    if (origin != null && allowed.contains(origin)) {
      response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
      response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
      response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
    }
  }
}
