package org.revtrace.app.connect;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.revtrace.app.cli.BadArgument;

/**
 * One entry of the connections file: a name, the source it reads, and the source's settings.
 * Secrets are never settings: a setting ending in {@code _env} names the environment variable that
 * holds one ({@code token_env: BITRIX24_TOKEN}).
 *
 * @param name the connection's name, unique in the file; its batches are {@code connector:<name>}
 * @param source the connector
 * @param settings the source's settings by key, without secrets (checked here)
 */
public record ConnectionSettings(
    String name, ConnectorSource source, Map<String, String> settings) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
  private static final Set<String> SECRET_WORDS =
      Set.of("token", "secret", "password", "access_token", "client_secret", "api_key");
  // A Bitrix24 webhook URL carries its token: https://portal/rest/<user>/<token>/
  private static final Pattern URL_WITH_TOKEN = Pattern.compile("(?i).*/rest/\\d+/[^/?#]+/?");

  public ConnectionSettings {
    Objects.requireNonNull(source, "source");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new BadArgument(
          "a connection name is 1-63 letters, digits, '.', '_' or '-', got: " + name);
    }
    settings = new TreeMap<>(settings);
    for (Map.Entry<String, String> setting : settings.entrySet()) {
      String key = setting.getKey().toLowerCase(Locale.ROOT);
      if (SECRET_WORDS.contains(key)) {
        throw new BadArgument(
            "connection "
                + name
                + ": '"
                + setting.getKey()
                + "' is a secret written inline; keep it in an environment variable and write "
                + setting.getKey()
                + "_env: VARIABLE_NAME instead");
      }
      if (!source.settings().contains(key)) {
        throw new BadArgument(
            "connection "
                + name
                + ": unknown setting '"
                + setting.getKey()
                + "' for "
                + source.code()
                + " (known: "
                + String.join(", ", source.settings())
                + ")");
      }
      if (key.equals("url") && URL_WITH_TOKEN.matcher(setting.getValue()).matches()) {
        throw new BadArgument(
            "connection "
                + name
                + ": the url holds a webhook token; write the portal URL, the webhook user and"
                + " token_env");
      }
    }
    for (String required : source.required()) {
      if (!settings.containsKey(required)) {
        throw new BadArgument("connection " + name + ": " + required + " is missing");
      }
    }
  }

  /** The setting, or {@code fallback} when absent. */
  public String setting(String key, String fallback) {
    return settings.getOrDefault(key, fallback);
  }

  /**
   * The secret named by the setting {@code key} ({@code token_env}) read from {@code environment}.
   *
   * @throws BadArgument when the variable is not set or empty (the message names the variable,
   *     never a value)
   */
  public String secret(String key, Map<String, String> environment) {
    String variable = settings.get(key);
    String value = variable == null ? null : environment.get(variable);
    if (value == null || value.isBlank()) {
      throw new BadArgument(
          "connection "
              + name
              + ": the environment variable "
              + variable
              + " ("
              + key
              + ") is not set");
    }
    return value.strip();
  }
}
