package org.revtrace.app.connect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.revtrace.app.cli.BadArgument;

/**
 * A connection: a name, the source it reads, the source's settings and its stored secrets. Secrets
 * are never settings: a setting ending in {@code _env} names the environment variable that holds
 * one ({@code token_env: BITRIX24_TOKEN}); or the secret itself is stored (encrypted, entered on
 * the settings page) under the setting's key without {@code _env} ({@code token}). A stored secret
 * and its variable never coexist ({@link StoredConnections} keeps one of them).
 *
 * @param name the connection's name, unique in the store; its batches are {@code connector:<name>}
 * @param source the connector
 * @param settings the source's settings by key, without secrets (checked here)
 * @param secrets stored secret values by key ({@code token} for {@code token_env}); never printed
 */
public record ConnectionSettings(
    String name,
    ConnectorSource source,
    Map<String, String> settings,
    Map<String, String> secrets) {

  private static final String ENV = "_env";
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
    settings = Collections.unmodifiableMap(new TreeMap<>(settings));
    secrets = Collections.unmodifiableMap(new TreeMap<>(secrets));
    for (String key : secrets.keySet()) {
      if (!secretKeys(source).contains(key)) {
        throw new BadArgument(
            "connection "
                + name
                + ": "
                + source.code()
                + " has no secret '"
                + key
                + "' (secrets: "
                + String.join(", ", secretKeys(source))
                + ")");
      }
    }
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
      if (settings.containsKey(required)) {
        continue;
      }
      if (required.endsWith(ENV)) {
        String secret = required.substring(0, required.length() - ENV.length());
        if (!secrets.containsKey(secret)) {
          throw new BadArgument(
              "connection "
                  + name
                  + ": the "
                  + secret
                  + " is missing: store it (settings page) or name its environment variable"
                  + " with "
                  + required);
        }
      } else {
        throw new BadArgument("connection " + name + ": " + required + " is missing");
      }
    }
  }

  /** A connection without stored secrets (its secrets, if any, are in environment variables). */
  public ConnectionSettings(String name, ConnectorSource source, Map<String, String> settings) {
    this(name, source, settings, Map.of());
  }

  /**
   * The keys of the secrets a source may store: its settings ending in {@code _env} without that
   * ending ({@code token_env} → {@code token}), in settings order.
   */
  public static List<String> secretKeys(ConnectorSource source) {
    return source.settings().stream()
        .filter(key -> key.endsWith(ENV))
        .map(key -> key.substring(0, key.length() - ENV.length()))
        .toList();
  }

  /** The same connection with other stored secrets. */
  public ConnectionSettings withSecrets(Map<String, String> replaced) {
    return new ConnectionSettings(name, source, settings, replaced);
  }

  /** Names the stored secrets, never their values. */
  @Override
  public String toString() {
    return "ConnectionSettings[name="
        + name
        + ", source="
        + source.code()
        + ", settings="
        + settings
        + ", secrets="
        + secrets.keySet()
        + "]";
  }

  /** The setting, or {@code fallback} when absent. */
  public String setting(String key, String fallback) {
    return settings.getOrDefault(key, fallback);
  }

  /**
   * The secret of the setting {@code key} ({@code token_env}): the stored one ({@code token}) if
   * any, else the environment variable the setting names, read from {@code environment}.
   *
   * @throws BadArgument when neither is there, or the variable is not set or empty (the message
   *     names the variable, never a value)
   */
  public String secret(String key, Map<String, String> environment) {
    String stored =
        secrets.get(key.endsWith(ENV) ? key.substring(0, key.length() - ENV.length()) : key);
    if (stored != null && !stored.isBlank()) {
      return stored.strip();
    }
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

  /**
   * {@code message} with every secret of this connection blanked out as {@code ***}: the stored
   * ones and the values of the variables its {@code *_env} settings name in {@code environment}.
   */
  public String redact(String message, Map<String, String> environment) {
    if (message == null) {
      return null;
    }
    List<String> values = new ArrayList<>();
    for (String value : secrets.values()) {
      values.add(value.strip());
    }
    settings.forEach(
        (key, variable) -> {
          String value = key.endsWith(ENV) ? environment.get(variable) : null;
          if (value != null) {
            values.add(value.strip());
          }
        });
    // Longest first, so a secret containing another is blanked whole.
    values.sort(Comparator.comparingInt(String::length).reversed());
    String redacted = message;
    for (String value : values) {
      if (!value.isEmpty()) {
        redacted = redacted.replace(value, "***");
      }
    }
    return redacted;
  }
}
