package org.revtrace.app.connect;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.revtrace.ingest.amocrm.AmoCrmClient;
import org.revtrace.ingest.amocrm.AmoCrmMapping;
import org.revtrace.ingest.amocrm.AmoCrmStatuses;
import org.revtrace.ingest.amocrm.AmoCrmSync;
import org.revtrace.ingest.bitrix24.Bitrix24Client;
import org.revtrace.ingest.bitrix24.Bitrix24Mapping;
import org.revtrace.ingest.bitrix24.Bitrix24Stages;
import org.revtrace.ingest.bitrix24.Bitrix24Sync;
import org.revtrace.ingest.canonical.ImportOptions;
import org.revtrace.ingest.connect.SyncCursor;
import org.revtrace.ingest.connect.SyncResult;
import org.revtrace.ingest.http.ApiHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the connector of a connection: builds its client from the settings and the secret in the
 * environment, tests it with one cheap request, or runs its incremental sync. Cursors travel to and
 * from the store as JSON ({@code {"modified_at": ..., "last_id": ...}}).
 */
public final class Connectors {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ApiHttp http;
  private final ApiHttp.Pause pause;
  private final Map<String, String> environment;

  public Connectors(ApiHttp http, ApiHttp.Pause pause, Map<String, String> environment) {
    this.http = http;
    this.pause = pause;
    this.environment = Map.copyOf(environment);
  }

  /** Connectors over real HTTP with real pauses, reading secrets from {@code environment}. */
  public static Connectors standard(Map<String, String> environment) {
    return new Connectors(
        ApiHttp.standard(), duration -> Thread.sleep(duration.toMillis()), environment);
  }

  /**
   * Sends one cheap request (Bitrix24: deals with an id that does not exist; amoCRM: the account)
   * and returns what was checked.
   *
   * @throws org.revtrace.ingest.http.ApiException when the source refuses it (no token in the
   *     message)
   */
  public String test(ConnectionSettings connection) {
    return switch (connection.source()) {
      case BITRIX24 -> {
        bitrix24(connection).list("crm.deal.list", Map.of("filter[ID]", "0", "select[]", "ID"));
        yield "crm.deal.list answered";
      }
      case AMOCRM -> {
        amoCrm(connection).one("/api/v4/account");
        yield "account answered";
      }
    };
  }

  /** One incremental sync from {@code previous} (empty: read everything). */
  public SyncResult sync(ConnectionSettings connection, List<SyncCursor> previous) {
    return switch (connection.source()) {
      case BITRIX24 ->
          new Bitrix24Sync(
                  bitrix24(connection),
                  new Bitrix24Mapping(Bitrix24Stages.defaults(), ImportOptions.defaults()))
              .sync(previous);
      case AMOCRM ->
          new AmoCrmSync(
                  amoCrm(connection),
                  new AmoCrmMapping(
                      AmoCrmStatuses.defaults(),
                      connection.setting("currency", "RUB"),
                      ImportOptions.defaults()),
                  AmoCrmStatuses.defaults())
              .sync(previous);
    };
  }

  private Bitrix24Client bitrix24(ConnectionSettings connection) {
    String portal = connection.setting("url", "").strip().replaceAll("/+$", "");
    String hook =
        portal
            + "/rest/"
            + connection.setting("user", "1")
            + "/"
            + connection.secret("token_env", environment)
            + "/";
    return Bitrix24Client.webhook(http, hook, pause, Duration.ofMillis(500));
  }

  private AmoCrmClient amoCrm(ConnectionSettings connection) {
    return new AmoCrmClient(
        http,
        connection.setting("url", ""),
        connection.secret("token_env", environment),
        pause,
        Duration.ofMillis(150));
  }

  /**
   * {@code message} with the connection's secrets (stored ones and those of its variables) blanked
   * out, in case an error carried one past the clients' own redaction.
   */
  public String redact(ConnectionSettings connection, String message) {
    return connection.redact(message, environment);
  }

  /** The cursor as stored: JSON with the modification time and id, both null before a sync. */
  public static String write(SyncCursor cursor) {
    ObjectNode node = JSON.createObjectNode();
    node.put("source", cursor.source());
    node.put("modified_at", cursor.isInitial() ? null : cursor.modifiedAt().toString());
    node.put("last_id", cursor.lastId());
    return JSON.writeValueAsString(node);
  }

  /** The cursor of {@code entity} read back from {@link #write}. */
  public static SyncCursor read(String entity, String stored) {
    JsonNode node = JSON.readTree(stored);
    String modified =
        node.path("modified_at").isString() ? node.get("modified_at").asString() : null;
    String lastId = node.path("last_id").isString() ? node.get("last_id").asString() : null;
    return new SyncCursor(
        node.path("source").asString(),
        entity,
        modified == null ? null : Instant.parse(modified),
        lastId);
  }
}
