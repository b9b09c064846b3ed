package org.revtrace.app.hooks;

import java.util.Map;
import java.util.Objects;
import org.revtrace.app.connect.ConnectionSettings;

/**
 * A connection that takes webhooks: its settings, the secret its deliveries must present, and the
 * secrets its sync needs.
 *
 * @param settings the connection (name, source, settings)
 * @param webhookSecret Bitrix24: the outbound webhook's application token; amoCRM: the secret in
 *     the hook URL
 * @param environment the variables named by the connection's {@code *_env} settings with their
 *     values, as {@link org.revtrace.app.connect.Connectors} reads them
 */
public record HookConnection(
    ConnectionSettings settings, String webhookSecret, Map<String, String> environment) {

  public HookConnection {
    Objects.requireNonNull(settings, "settings");
    if (webhookSecret == null || webhookSecret.isBlank()) {
      throw new IllegalArgumentException("connection " + settings.name() + ": no webhook secret");
    }
    environment = Map.copyOf(environment);
  }

  /** The connection's name. */
  public String name() {
    return settings.name();
  }

  /** Names the connection only: the secrets stay out of logs. */
  @Override
  public String toString() {
    return "HookConnection[" + settings.name() + ", " + settings.source().code() + "]";
  }
}
