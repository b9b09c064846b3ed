package org.revtrace.app.connect;

import java.util.List;
import java.util.Locale;
import org.revtrace.app.cli.BadArgument;

/** The connectors {@code revtrace connect} and {@code revtrace sync} run. */
public enum ConnectorSource {
  /** Bitrix24 through an incoming webhook: portal URL, webhook user, token in the environment. */
  BITRIX24("bitrix24", List.of("url", "user", "token_env"), List.of("url", "token_env")),
  /** amoCRM with a long-lived token: account URL, deal currency, token in the environment. */
  AMOCRM("amocrm", List.of("url", "currency", "token_env"), List.of("url", "token_env")),
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
    throw new BadArgument(
        "unknown source '"
            + code
            + "'; runnable connectors: bitrix24, amocrm (yandex-direct and vk-ads are not yet)");
  }
}
