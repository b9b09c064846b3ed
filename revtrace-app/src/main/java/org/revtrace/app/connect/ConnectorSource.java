package org.revtrace.app.connect;

import java.util.List;
import java.util.Locale;
import org.revtrace.app.cli.BadArgument;

/** The connectors {@code revtrace connect} and {@code revtrace sync} run. */
public enum ConnectorSource {
  /**
   * Bitrix24 through an incoming webhook: portal URL, webhook user, token in the environment; for
   * its outbound webhook (events to the server) the application token in the environment variable
   * named by {@code webhook_token_env}.
   */
  BITRIX24(
      "bitrix24",
      List.of("url", "user", "token_env", "webhook_token_env"),
      List.of("url", "token_env")),
  /**
   * amoCRM with a long-lived token: account URL, deal currency, token in the environment; for its
   * webhooks the secret of the hook URL in the environment variable named by {@code
   * webhook_token_env}.
   */
  AMOCRM(
      "amocrm",
      List.of("url", "currency", "token_env", "webhook_token_env"),
      List.of("url", "token_env")),
  /**
   * HubSpot with a private-app token: API URL (default https://api.hubapi.com), the portal's
   * company currency for deals without one, token in the environment.
   */
  HUBSPOT("hubspot", List.of("url", "currency", "token_env"), List.of("token_env")),
  /**
   * Salesforce with an OAuth access token: instance URL, org currency (single-currency orgs), org
   * time zone (for date fields), and optionally the refresh-token grant (login URL, client id,
   * client secret and refresh token, the last three in the environment).
   */
  SALESFORCE(
      "salesforce",
      List.of(
          "url",
          "currency",
          "timezone",
          "token_env",
          "login_url",
          "client_id_env",
          "client_secret_env",
          "refresh_token_env"),
      List.of("url", "token_env")),
  /**
   * Yandex Direct campaign spend (Reports API): OAuth token in the environment, {@code
   * client_login} for an agency's client.
   */
  YANDEX_DIRECT(
      "yandex-direct",
      AdSpendSettings.keys("token_env", "client_login", "include_vat"),
      List.of("token_env")),
  /** VK Ads campaign spend (ads.vk.com API v2): access token in the environment. */
  VK_ADS("vk-ads", AdSpendSettings.keys("token_env", "account", "max_days"), List.of("token_env")),
  /**
   * Google Ads campaign spend (SearchStream): customer id, developer token and OAuth client and
   * refresh token in the environment, {@code login_customer_id} through a manager account.
   */
  GOOGLE_ADS(
      "google-ads",
      AdSpendSettings.keys(
          "customer_id",
          "login_customer_id",
          "developer_token_env",
          "client_id_env",
          "client_secret_env",
          "refresh_token_env",
          "api_version",
          "token_url"),
      List.of("customer_id")),
  /**
   * Yandex Metrica Logs API visits: counter id, OAuth token in the environment, the counter's time
   * zone, the first day, the restatement window, the attribution model and an optional last day.
   */
  METRICA(
      "metrica",
      List.of(
          "counter_id",
          "token_env",
          "time_zone",
          "first_day",
          "restatement_days",
          "attribution",
          "last_day",
          "url"),
      List.of("counter_id", "token_env"));

  private final String code;
  private final List<String> settings;
  private final List<String> required;

  ConnectorSource(String code, List<String> settings, List<String> required) {
    this.code = code;
    this.settings = settings;
    this.required = required;
  }

  public String code() {
    return code;
  }

  /** The setting keys this source knows. */
  public List<String> settings() {
    return settings;
  }

  /** The settings a connection of this source must have. */
  public List<String> required() {
    return required;
  }

  /**
   * The source named {@code code}.
   *
   * @throws BadArgument when no connector has that name
   */
  public static ConnectorSource of(String code) {
    String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
    for (ConnectorSource source : values()) {
      if (source.code.equals(wanted)) {
        return source;
      }
    }
    List<String> codes = new java.util.ArrayList<>();
    for (ConnectorSource source : values()) {
      codes.add(source.code);
    }
    throw new BadArgument(
        "unknown source '" + code + "'; runnable connectors: " + String.join(", ", codes));
  }
}
