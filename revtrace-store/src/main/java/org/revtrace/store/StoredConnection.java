package org.revtrace.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A connection as the table {@code connections} holds it. The store does not interpret the settings
 * nor the secrets: the secrets are sealed texts (encrypted by the application) by key.
 *
 * @param name the connection's unique name
 * @param source the connector's code ({@code bitrix24}, {@code amocrm}, …)
 * @param settings the source's settings by key (no secret), in key order
 * @param secrets sealed secret values by key ({@code token}), in key order
 * @param enabled false when scheduled and {@code --all} syncs skip it
 * @param syncEveryMinutes minutes between scheduled syncs; 0: none
 * @param createdAt when it was first stored
 * @param createdBy who first stored it (a user name, or {@code cli})
 * @param updatedAt when it was last changed
 * @param updatedBy who last changed it
 */
public record StoredConnection(
    String name,
    String source,
    Map<String, String> settings,
    Map<String, String> secrets,
    boolean enabled,
    int syncEveryMinutes,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy) {

  public StoredConnection {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    settings = java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
    secrets = java.util.Collections.unmodifiableMap(new TreeMap<>(secrets));
    if (syncEveryMinutes < 0) {
      throw new IllegalArgumentException("syncEveryMinutes < 0: " + syncEveryMinutes);
    }
  }

  /** Names the secrets that are set, never their sealed values. */
  @Override
  public String toString() {
    return "StoredConnection[name="
        + name
        + ", source="
        + source
        + ", settings="
        + settings
        + ", secrets="
        + secrets.keySet()
        + ", enabled="
        + enabled
        + ", syncEveryMinutes="
        + syncEveryMinutes
        + "]";
  }
}
