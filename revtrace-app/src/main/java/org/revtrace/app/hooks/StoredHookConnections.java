package org.revtrace.app.hooks;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.revtrace.app.connect.ConnectionSettings;
import org.revtrace.app.connect.StoredConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's connections ({@link StoredConnections}, the settings page's and {@code revtrace
 * connect}'s) as webhook targets. A connection takes webhooks when its {@code webhook_token_env}
 * secret — stored on the settings page, or in the variable the setting names — has at least {@link
 * FileHookConnections#MIN_SECRET_LENGTH} characters.
 */
public final class StoredHookConnections implements HookConnections {

  private static final Logger LOG = LoggerFactory.getLogger(StoredHookConnections.class);
  private static final String WEBHOOK_SECRET = "webhook_token_env";

  private final StoredConnections connections;
  private final Map<String, String> environment;
  // Warned once per connection: a caller hammering a hook must not flood the log.
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  /**
   * @param connections the store's connections
   * @param environment the process environment (the variables {@code *_env} settings name)
   */
  public StoredHookConnections(StoredConnections connections, Map<String, String> environment) {
    this.connections = connections;
    this.environment = Map.copyOf(environment);
  }

  @Override
  public Optional<HookConnection> find(String name) {
    Optional<ConnectionSettings> found = connections.find(name);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ConnectionSettings connection = found.get();
    String secret = connections.secret(name, WEBHOOK_SECRET, environment).orElse(null);
    if (secret == null || secret.strip().length() < FileHookConnections.MIN_SECRET_LENGTH) {
      if (warned.add(name)) {
        LOG.warn(
            "connection {} takes no webhooks: its {} secret is not set or shorter than {}",
            name,
            WEBHOOK_SECRET,
            FileHookConnections.MIN_SECRET_LENGTH);
      }
      return Optional.empty();
    }
    warned.remove(name);
    Map<String, String> variables = new HashMap<>();
    connection
        .settings()
        .forEach(
            (key, value) -> {
              if (key.endsWith("_env") && environment.get(value) != null) {
                variables.put(value, environment.get(value));
              }
            });
    return Optional.of(new HookConnection(connection, secret.strip(), variables));
  }
}
