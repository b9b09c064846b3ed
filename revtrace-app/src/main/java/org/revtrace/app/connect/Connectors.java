package org.revtrace.app.connect;

import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.revtrace.app.cli.BadArgument;
import org.revtrace.ingest.amocrm.AmoCrmClient;
import org.revtrace.ingest.amocrm.AmoCrmMapping;
import org.revtrace.ingest.amocrm.AmoCrmStatuses;
import org.revtrace.ingest.amocrm.AmoCrmSync;
import org.revtrace.ingest.bitrix24.Bitrix24Client;
import org.revtrace.ingest.bitrix24.Bitrix24Mapping;
import org.revtrace.ingest.bitrix24.Bitrix24Stages;
import org.revtrace.ingest.bitrix24.Bitrix24Sync;
import org.revtrace.ingest.canonical.ImportOptions;
import org.revtrace.ingest.connect.DateRange;
import org.revtrace.ingest.connect.SyncCursor;
import org.revtrace.ingest.connect.SyncResult;
import org.revtrace.ingest.http.ApiHttp;
import org.revtrace.ingest.hubspot.HubSpotClient;
import org.revtrace.ingest.hubspot.HubSpotMapping;
import org.revtrace.ingest.hubspot.HubSpotStages;
import org.revtrace.ingest.hubspot.HubSpotSync;
import org.revtrace.ingest.metrica.MetricaLogsApi;
import org.revtrace.ingest.metrica.MetricaSync;
import org.revtrace.ingest.metrica.MetricaVisits;
import org.revtrace.ingest.normalize.ChannelGrouping;
import org.revtrace.ingest.normalize.UtmNormalizer;
import org.revtrace.ingest.salesforce.SalesforceClient;
import org.revtrace.ingest.salesforce.SalesforceMapping;
import org.revtrace.ingest.salesforce.SalesforceStages;
import org.revtrace.ingest.salesforce.SalesforceSync;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the connector of a connection: builds its client from the settings and the secret in the
 * environment, tests it with one cheap request, or runs its incremental sync. Cursors travel to and
 * from the store as JSON ({@code {"modified_at": ..., "last_id": ...}}; ad-spend day cursors add
 * {@code "last_day"}).
 */
public final class Connectors {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ApiHttp http;
  private final ApiHttp.Pause pause;
  private final Map<String, String> environment;
  private final AdSpendConnectors adSpend;

  public Connectors(ApiHttp http, ApiHttp.Pause pause, Map<String, String> environment) {
    this(http, pause, environment, Clock.systemUTC());
  }

  /**
   * Connectors whose ad-spend syncs take "today" from {@code clock} (in each account's time zone).
   */
  public Connectors(
      ApiHttp http, ApiHttp.Pause pause, Map<String, String> environment, Clock clock) {
    this.http = http;
    this.pause = pause;
    this.environment = Map.copyOf(environment);
    this.adSpend = new AdSpendConnectors(http, pause, this.environment, clock);
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
      case HUBSPOT -> {
        hubSpot(connection).get("/crm/v3/pipelines/deals");
        yield "deal pipelines answered";
      }
      case SALESFORCE -> {
        salesforce(connection).query("SELECT Id FROM Opportunity LIMIT 1");
        yield "opportunity query answered";
      }
      case YANDEX_DIRECT, VK_ADS, GOOGLE_ADS -> adSpend.test(connection);
      case METRICA -> {
        LocalDate yesterday = metricaLastDay(connection);
        MetricaLogsApi.Evaluation evaluation =
            metricaApi(connection)
                .evaluate(new DateRange(yesterday, yesterday), metricaVisits(connection).fields());
        yield "logrequests/evaluate answered (a log of "
            + yesterday
            + (evaluation.possible() ? " is possible)" : " is not possible now)");
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
      case HUBSPOT ->
          new HubSpotSync(
                  hubSpot(connection),
                  new HubSpotMapping(
                      HubSpotStages.defaults(),
                      connection.setting("currency", ""),
                      ImportOptions.defaults()),
                  HubSpotStages.defaults())
              .sync(previous);
      case SALESFORCE ->
          new SalesforceSync(
                  salesforce(connection),
                  new SalesforceMapping(
                      SalesforceStages.defaults(),
                      connection.setting("currency", ""),
                      ImportOptions.defaults()
                          .withDefaultZone(zone(connection.setting("timezone", "UTC")))))
              .sync(previous);
      case YANDEX_DIRECT, VK_ADS, GOOGLE_ADS -> adSpend.sync(connection, previous);
      case METRICA ->
          new MetricaSync(
                  metricaApi(connection),
                  metricaVisits(connection),
                  metricaZone(connection),
                  LocalDate.parse(
                      connection.setting(
                          "first_day", metricaLastDay(connection).minusDays(29).toString())),
                  Integer.parseInt(connection.setting("restatement_days", "3").strip()))
              .sync(previous, metricaLastDay(connection));
    };
  }

  private MetricaLogsApi metricaApi(ConnectionSettings connection) {
    return new MetricaLogsApi(
        http,
        pause,
        URI.create(connection.setting("url", MetricaLogsApi.ENDPOINT.toString())),
        connection.secret("token_env", environment),
        connection.setting("counter_id", ""),
        120,
        Duration.ofSeconds(10));
  }

  private static MetricaVisits metricaVisits(ConnectionSettings connection) {
    return new MetricaVisits(
        new UtmNormalizer(),
        ChannelGrouping.defaults(),
        metricaZone(connection),
        connection.setting("attribution", "last").strip());
  }

  private static ZoneId metricaZone(ConnectionSettings connection) {
    return ZoneId.of(connection.setting("time_zone", "Europe/Moscow").strip());
  }

  /**
   * The last complete day of a Metrica counter: yesterday in its zone (the Logs API does not give
   * today), or the {@code last_day} setting when it is earlier.
   */
  private static LocalDate metricaLastDay(ConnectionSettings connection) {
    LocalDate yesterday = LocalDate.now(Clock.system(metricaZone(connection))).minusDays(1);
    String last = connection.settings().get("last_day");
    if (last == null) {
      return yesterday;
    }
    LocalDate day = LocalDate.parse(last.strip());
    return day.isBefore(yesterday) ? day : yesterday;
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

  private HubSpotClient hubSpot(ConnectionSettings connection) {
    return new HubSpotClient(
        http,
        connection.setting("url", HubSpotClient.API),
        connection.secret("token_env", environment),
        pause,
        Duration.ofMillis(250));
  }

  /**
   * A Salesforce client; with {@code refresh_token_env} set, it refreshes an expired access token
   * with the refresh-token grant (client id and secret from {@code client_id_env} and {@code
   * client_secret_env}, at {@code login_url}, default https://login.salesforce.com).
   */
  private SalesforceClient salesforce(ConnectionSettings connection) {
    SalesforceClient.Refresh refresh = null;
    if (connection.settings().containsKey("refresh_token_env")) {
      refresh =
          new SalesforceClient.Refresh(
              connection.setting("login_url", "https://login.salesforce.com"),
              connection.secret("client_id_env", environment),
              connection.secret("client_secret_env", environment),
              connection.secret("refresh_token_env", environment));
    }
    return new SalesforceClient(
        http,
        connection.setting("url", ""),
        connection.secret("token_env", environment),
        refresh,
        pause,
        Duration.ofMillis(100),
        Duration.ofSeconds(60),
        3);
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id.strip());
    } catch (DateTimeException e) {
      throw new BadArgument("timezone must be a zone id such as Europe/Berlin, got: " + id);
    }
  }

  /**
   * {@code message} with the connection's secrets (stored ones and those of its variables) blanked
   * out, in case an error carried one past the clients' own redaction.
   */
  public String redact(ConnectionSettings connection, String message) {
    // Stored secrets and every *_env variable, then the ad sources' default variables (Google Ads).
    String redacted = connection.redact(message, environment);
    if (redacted == null) {
      return null;
    }
    for (String variable : AdSpendConnectors.secretVariables(connection)) {
      String secret = environment.get(variable);
      if (secret != null && !secret.isBlank()) {
        redacted = redacted.replace(secret.strip(), "***");
      }
    }
    return redacted;
  }

  /**
   * The cursor as stored: JSON with the modification time and id, both null before a sync; a day
   * cursor (ad spend) adds {@code last_day} and keeps the other two null.
   */
  public static String write(SyncCursor cursor) {
    ObjectNode node = JSON.createObjectNode();
    node.put("source", cursor.source());
    node.put("modified_at", cursor.modifiedAt() == null ? null : cursor.modifiedAt().toString());
    node.put("last_id", cursor.lastId());
    if (cursor.lastDay() != null) {
      node.put("last_day", cursor.lastDay().toString());
    }
    return JSON.writeValueAsString(node);
  }

  /** The cursor of {@code entity} read back from {@link #write}. */
  public static SyncCursor read(String entity, String stored) {
    JsonNode node = JSON.readTree(stored);
    String modified =
        node.path("modified_at").isString() ? node.get("modified_at").asString() : null;
    String lastId = node.path("last_id").isString() ? node.get("last_id").asString() : null;
    String lastDay = node.path("last_day").isString() ? node.get("last_day").asString() : null;
    return new SyncCursor(
        node.path("source").asString(),
        entity,
        modified == null ? null : Instant.parse(modified),
        lastId,
        lastDay == null ? null : LocalDate.parse(lastDay));
  }
}
