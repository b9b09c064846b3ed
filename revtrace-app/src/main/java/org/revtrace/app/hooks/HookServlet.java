package org.revtrace.app.hooks;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.revtrace.app.connect.ConnectorSource;
import org.revtrace.ingest.amocrm.AmoCrmWebhook;
import org.revtrace.ingest.bitrix24.Bitrix24Event;
import org.revtrace.ingest.connect.FormFields;
import org.revtrace.ingest.connect.WebhookChange;
import org.revtrace.ingest.connect.WebhookPayloadException;
import org.revtrace.store.JdbcWebhookEvents;
import org.revtrace.store.JdbcWebhookEvents.NewEvent;
import org.revtrace.store.JdbcWebhookEvents.Recorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /hooks/bitrix24/{connection}} and {@code POST /hooks/amocrm/{connection}/{secret}}, a
 * plain servlet behind a stateless security chain: the delivery authenticates itself (Bitrix24:
 * {@code auth[application_token]}; amoCRM: the secret in the path and the account's subdomain), its
 * changes are recorded in {@code webhook_events} and the answer goes back at once; the {@link
 * WebhookApplier} applies them later.
 *
 * <p>Answers: 200 {@code {"accepted": n, "repeated": m}} (a redelivery is acknowledged, not stored
 * again; a delivery with nothing Revtrace reads is acknowledged with {@code "ignored"}); 400 with
 * {@code {"error": code, "field": ..., "message": ...}} for an authenticated delivery that cannot
 * be read; 401 without a token; 403 for a wrong token, secret or account; 404 for an unknown
 * connection or one that takes no webhooks; 413 over the size limit; 415 for another content type;
 * 503 when the store fails (the vendors retry). Refusals before authentication say nothing more.
 * The amoCRM path carries a secret, so no URI is ever logged.
 */
final class HookServlet extends HttpServlet {

  private static final Logger LOG = LoggerFactory.getLogger(HookServlet.class);

  private final HookConnections connections;
  private final JdbcWebhookEvents events;
  private final Clock clock;
  private final int maxBody;
  private final MeterRegistry meters;
  private final ObjectMapper json = new ObjectMapper();

  HookServlet(
      HookConnections connections,
      JdbcWebhookEvents events,
      Clock clock,
      int maxBody,
      MeterRegistry meters) {
    this.connections = connections;
    this.events = events;
    this.clock = clock;
    this.maxBody = maxBody;
    this.meters = meters;
  }

  /** A refusal: the status and, for authenticated callers only, a JSON reason. */
  private static final class Refusal extends Exception {
    final int status;
    final String body;

    Refusal(int status, String body) {
      super(null, null, false, false);
      this.status = status;
      this.body = body;
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    String source = "unknown";
    try {
      List<String> path = segments(request);
      if (path.isEmpty()) {
        throw new Refusal(404, null);
      }
      source = path.get(0);
      String answer =
          switch (source) {
            case "bitrix24" -> {
              if (path.size() != 2) {
                throw new Refusal(404, null);
              }
              yield bitrix24(request, path.get(1));
            }
            case "amocrm" -> {
              if (path.size() != 3) {
                throw new Refusal(404, null);
              }
              yield amoCrm(request, path.get(1), path.get(2));
            }
            default -> throw new Refusal(404, null);
          };
      count(source, "accepted");
      write(response, 200, answer);
    } catch (Refusal refusal) {
      count(source, Integer.toString(refusal.status));
      write(response, refusal.status, refusal.body);
    } catch (RuntimeException e) {
      count(source, "503");
      LOG.warn("a {} webhook could not be recorded: {}", source, e.getMessage());
      response.setHeader(HttpHeaders.RETRY_AFTER, "30");
      write(response, 503, null);
    }
  }

  private String bitrix24(HttpServletRequest request, String name) throws Refusal, IOException {
    HookConnection connection = connection(name, ConnectorSource.BITRIX24);
    FormFields form = form(request);
    String token = Bitrix24Event.applicationToken(form).orElseThrow(() -> new Refusal(401, null));
    if (!sameSecret(token, connection.webhookSecret())) {
      LOG.warn("connection {}: a Bitrix24 delivery with a wrong application token", name);
      throw new Refusal(403, null);
    }
    Bitrix24Event event;
    try {
      event = Bitrix24Event.parse(form);
    } catch (WebhookPayloadException e) {
      throw badPayload(name, e);
    }
    if (event.changes().isEmpty()) {
      return ignored(event.event());
    }
    return record(Bitrix24Event.SOURCE, name, event.changes());
  }

  private String amoCrm(HttpServletRequest request, String name, String secret)
      throws Refusal, IOException {
    HookConnection connection = connection(name, ConnectorSource.AMOCRM);
    if (!sameSecret(secret, connection.webhookSecret())) {
      LOG.warn("connection {}: an amoCRM delivery with a wrong secret in the URL", name);
      throw new Refusal(403, null);
    }
    AmoCrmWebhook hook;
    try {
      hook = AmoCrmWebhook.parse(form(request));
    } catch (WebhookPayloadException e) {
      throw badPayload(name, e);
    }
    String expected = subdomain(connection.settings().setting("url", ""));
    if (!hook.subdomain().equalsIgnoreCase(expected)) {
      LOG.warn(
          "connection {}: an amoCRM delivery from account '{}', expected '{}'",
          name,
          hook.subdomain(),
          expected);
      throw new Refusal(403, null);
    }
    if (hook.changes().isEmpty()) {
      return ignored("no lead, contact or company change");
    }
    return record(AmoCrmWebhook.SOURCE, name, hook.changes());
  }

  /**
   * The account subdomain of an amoCRM URL: the first label of its host ({@code
   * https://example.amocrm.ru} → {@code example}).
   */
  static String subdomain(String url) {
    try {
      String host = URI.create(url.strip()).getHost();
      if (host == null) {
        return "";
      }
      int dot = host.indexOf('.');
      return (dot < 0 ? host : host.substring(0, dot)).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private HookConnection connection(String name, ConnectorSource source) throws Refusal {
    Optional<HookConnection> connection = connections.find(name);
    if (connection.isEmpty() || connection.get().settings().source() != source) {
      throw new Refusal(404, null);
    }
    return connection.get();
  }

  private FormFields form(HttpServletRequest request) throws Refusal, IOException {
    String type = request.getContentType() == null ? "" : request.getContentType();
    if (!type.toLowerCase(Locale.ROOT)
        .startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE.toLowerCase(Locale.ROOT))) {
      throw new Refusal(415, null);
    }
    if (request.getContentLengthLong() > maxBody) {
      throw new Refusal(413, null);
    }
    byte[] body = request.getInputStream().readNBytes(maxBody + 1);
    if (body.length > maxBody) {
      throw new Refusal(413, null);
    }
    try {
      return FormFields.parse(body);
    } catch (WebhookPayloadException e) {
      throw new Refusal(400, null);
    }
  }

  private Refusal badPayload(String name, WebhookPayloadException e) {
    LOG.warn(
        "connection {}: a webhook refused: {} {} {}", name, e.code(), e.field(), e.getMessage());
    ObjectNode body = json.createObjectNode();
    body.put("error", e.code());
    body.put("field", e.field());
    body.put("message", e.getMessage());
    return new Refusal(400, json.writeValueAsString(body));
  }

  private String record(String source, String connection, List<WebhookChange> changes) {
    List<NewEvent> rows =
        changes.stream()
            .map(
                change ->
                    new NewEvent(
                        source,
                        connection,
                        change.entity(),
                        change.id(),
                        change.action(),
                        change.event(),
                        change.occurredAt(),
                        change.dedupe()))
            .toList();
    // The applier polls the table, so the answer needs no hand-off: it is durable once recorded.
    Recorded recorded = events.record(rows, clock.instant());
    ObjectNode body = json.createObjectNode();
    body.put("accepted", recorded.accepted());
    body.put("repeated", recorded.repeated());
    return json.writeValueAsString(body);
  }

  private String ignored(String what) {
    ObjectNode body = json.createObjectNode();
    body.put("accepted", 0);
    body.put("repeated", 0);
    body.put("ignored", what);
    return json.writeValueAsString(body);
  }

  /** Compares SHA-256 digests in constant time, so neither length nor content leaks by timing. */
  static boolean sameSecret(String given, String expected) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] a = sha.digest(given.getBytes(StandardCharsets.UTF_8));
      byte[] b = sha.digest(expected.getBytes(StandardCharsets.UTF_8));
      return MessageDigest.isEqual(a, b);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static List<String> segments(HttpServletRequest request) {
    String info = request.getPathInfo();
    if (info == null || info.isEmpty() || info.equals("/")) {
      return List.of();
    }
    List<String> parts = List.of(info.substring(1).split("/", -1));
    return parts.stream().anyMatch(String::isEmpty) ? List.of() : parts;
  }

  private void count(String source, String outcome) {
    String known = source.equals("bitrix24") || source.equals("amocrm") ? source : "unknown";
    meters.counter("revtrace.hooks.deliveries", "source", known, "outcome", outcome).increment();
  }

  private static void write(HttpServletResponse response, int status, String body)
      throws IOException {
    response.setStatus(status);
    if (body == null) {
      response.setContentLength(0);
      return;
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
