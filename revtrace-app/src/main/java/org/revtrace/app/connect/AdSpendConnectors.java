package org.revtrace.app.connect;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.revtrace.app.cli.BadArgument;
import org.revtrace.ingest.canonical.FileStats;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.connect.AdSource;
import org.revtrace.ingest.connect.DateRange;
import org.revtrace.ingest.connect.SpendCursor;
import org.revtrace.ingest.connect.SyncCursor;
import org.revtrace.ingest.connect.SyncResult;
import org.revtrace.ingest.googleads.GoogleAdsClient;
import org.revtrace.ingest.googleads.GoogleOAuthTokens;
import org.revtrace.ingest.http.ApiHttp;
import org.revtrace.ingest.vkads.VkAdsStatisticsClient;
import org.revtrace.ingest.yandexdirect.YandexDirectReports;

/**
 * The ad-spend connectors of {@link Connectors}: Yandex Direct, VK Ads and Google Ads clients built
 * from a connection's settings and secrets, tested with one request, and synced incrementally by
 * days ({@link org.revtrace.ingest.connect.SpendSync}: from the stored day cursor minus the
 * restatement window, or {@code start_date}, to yesterday in the account's time zone).
 */
final class AdSpendConnectors {

  /** The zone of Yandex Direct and VK Ads statistics unless {@code time_zone} says otherwise. */
  static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  /**
   * The environment variables Google Ads secrets are read from unless a {@code *_env} setting names
   * another: the names Google's own client libraries read.
   */
  static final Map<String, String> GOOGLE_SECRETS =
      Map.of(
          "developer_token_env", "GOOGLE_ADS_DEVELOPER_TOKEN",
          "client_id_env", "GOOGLE_ADS_CLIENT_ID",
          "client_secret_env", "GOOGLE_ADS_CLIENT_SECRET",
          "refresh_token_env", "GOOGLE_ADS_REFRESH_TOKEN");

  /** How many times a Yandex Direct report still being built is waited for. */
  private static final int YANDEX_POLLS = 60;

  /** Days per VK Ads statistics request unless {@code max_days} says otherwise. */
  private static final int VK_DAYS = 30;

  private final ApiHttp http;
  private final ApiHttp.Pause pause;
  private final Map<String, String> environment;
  private final Clock clock;

  AdSpendConnectors(
      ApiHttp http, ApiHttp.Pause pause, Map<String, String> environment, Clock clock) {
    this.http = http;
    this.pause = pause;
    this.environment = environment;
    this.clock = clock;
  }

  /** One cheap request that proves the token and account work; what was checked. */
  String test(ConnectionSettings connection) {
    AdSpendSettings settings = new AdSpendSettings(connection);
    return switch (connection.source()) {
      case YANDEX_DIRECT -> {
        LocalDate yesterday = LocalDate.now(clock.withZone(settings.zone(MOSCOW))).minusDays(1);
        ImportResult day = yandex(connection, settings).fetch(new DateRange(yesterday, yesterday));
        yield "report of " + yesterday + " answered, " + rows(day) + " records";
      }
      case VK_ADS ->
          "campaigns answered, " + vk(connection, settings).campaignNames().size() + " campaigns";
      case GOOGLE_ADS -> {
        GoogleAdsClient.Customer customer = google(connection, settings, null).customer();
        yield "customer "
            + customer.id()
            + " ("
            + customer.name()
            + ") answered: "
            + customer.currency()
            + ", "
            + customer.zone();
      }
      default -> throw new IllegalArgumentException("not an ad-spend source: " + connection);
    };
  }

  /** One incremental sync from the stored cursors. */
  SyncResult sync(ConnectionSettings connection, List<SyncCursor> previous) {
    AdSpendSettings settings = new AdSpendSettings(connection);
    return switch (connection.source()) {
      case YANDEX_DIRECT -> {
        String login = settings.text("client_login");
        yield settings
            .sync(yandex(connection, settings), settings.zone(MOSCOW), clock)
            .sync(SpendCursor.from(previous, AdSource.YANDEX_DIRECT, login == null ? "" : login))
            .toSyncResult();
      }
      case VK_ADS -> {
        String account = settings.text("account");
        yield settings
            .sync(vk(connection, settings), settings.zone(MOSCOW), clock)
            .sync(SpendCursor.from(previous, AdSource.VK_ADS, account == null ? "" : account))
            .toSyncResult();
      }
      case GOOGLE_ADS -> {
        String currency = settings.currency(null);
        ZoneId zone = settings.zone(null);
        if (currency == null || zone == null) {
          // The customer's own currency and zone, unless both are set.
          GoogleAdsClient.Customer customer = google(connection, settings, null).customer();
          currency = currency == null ? customer.currency() : currency;
          zone = zone == null ? customer.zone() : zone;
        }
        GoogleAdsClient client = google(connection, settings, currency);
        yield settings
            .sync(client, zone, clock)
            .sync(
                SpendCursor.from(
                    previous, AdSource.GOOGLE_ADS, settings.text("customer_id").replace("-", "")))
            .toSyncResult();
      }
      default -> throw new IllegalArgumentException("not an ad-spend source: " + connection);
    };
  }

  /** Every environment variable that holds a secret of {@code connection}, for redaction. */
  static List<String> secretVariables(ConnectionSettings connection) {
    List<String> variables = new ArrayList<>();
    connection
        .settings()
        .forEach(
            (key, value) -> {
              if (key.endsWith("_env")) {
                variables.add(value);
              }
            });
    if (connection.source() == ConnectorSource.GOOGLE_ADS) {
      GOOGLE_SECRETS.forEach(
          (key, variable) -> {
            if (!connection.settings().containsKey(key)) {
              variables.add(variable);
            }
          });
    }
    return variables;
  }

  private YandexDirectReports yandex(ConnectionSettings connection, AdSpendSettings settings) {
    return new YandexDirectReports(
        http,
        pause,
        url(settings, YandexDirectReports.ENDPOINT),
        connection.secret("token_env", environment),
        settings.text("client_login"),
        settings.currency("RUB"),
        settings.mapping(AdSource.YANDEX_DIRECT),
        settings.flag("include_vat", false),
        YANDEX_POLLS);
  }

  private VkAdsStatisticsClient vk(ConnectionSettings connection, AdSpendSettings settings) {
    return new VkAdsStatisticsClient(
        http,
        url(settings, VkAdsStatisticsClient.BASE),
        connection.secret("token_env", environment),
        settings.currency("RUB"),
        settings.mapping(AdSource.VK_ADS),
        settings.number("max_days", VK_DAYS, 1, 366));
  }

  private GoogleAdsClient google(
      ConnectionSettings connection, AdSpendSettings settings, String currency) {
    String tokenUrl = settings.text("token_url");
    GoogleOAuthTokens tokens =
        new GoogleOAuthTokens(
            http,
            tokenUrl == null ? GoogleOAuthTokens.ENDPOINT : uri("token_url", tokenUrl),
            googleSecret(connection, "client_id_env"),
            googleSecret(connection, "client_secret_env"),
            googleSecret(connection, "refresh_token_env"),
            clock);
    String version = settings.text("api_version");
    try {
      return new GoogleAdsClient(
          http,
          url(settings, GoogleAdsClient.BASE),
          version == null ? GoogleAdsClient.VERSION : version,
          settings.text("customer_id"),
          settings.text("login_customer_id"),
          googleSecret(connection, "developer_token_env"),
          tokens,
          currency,
          settings.mapping(AdSource.GOOGLE_ADS));
    } catch (IllegalArgumentException e) {
      throw new BadArgument("connection " + connection.name() + ": " + e.getMessage());
    }
  }

  /** A Google secret from the variable its setting names, else from Google's usual variable. */
  private String googleSecret(ConnectionSettings connection, String key) {
    if (connection.settings().containsKey(key)) {
      return connection.secret(key, environment);
    }
    String variable = GOOGLE_SECRETS.get(key);
    String value = environment.get(variable);
    if (value == null || value.isBlank()) {
      throw new BadArgument(
          "connection "
              + connection.name()
              + ": the environment variable "
              + variable
              + " ("
              + key
              + ") is not set");
    }
    return value.strip();
  }

  private static URI url(AdSpendSettings settings, URI fallback) {
    String value = settings.text("url");
    return value == null ? fallback : uri("url", value);
  }

  private static URI uri(String key, String value) {
    try {
      URI uri = URI.create(value);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new BadArgument(key + " must be an absolute URL, got: " + value);
    }
  }

  private static long rows(ImportResult result) {
    return result.files().stream().mapToLong(FileStats::rowsRead).sum();
  }
}
