package org.revtrace.app.connect;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.revtrace.app.cli.BadArgument;
import org.revtrace.store.JdbcConnections;
import org.revtrace.store.StoredConnection;

/**
 * The connections of the store, the one source of truth for {@code revtrace connect}, {@code
 * revtrace sync}, the settings page and webhooks. Secrets entered on the page are sealed by a
 * {@link SecretBox} before they reach the store and opened only by {@link #find} and {@link
 * #secret}, for the code that calls the source; listings only say which secrets are set.
 *
 * <p>For each secret a connection uses either a stored value or an environment variable named by
 * its {@code *_env} setting, never both: storing a value drops the setting, and a setting given
 * without a value drops the stored one. Other stored secrets stay as they are.
 */
public final class StoredConnections {

  /** Minutes between scheduled syncs of a connection that does not say. */
  public static final int DEFAULT_SYNC_EVERY_MINUTES = 60;

  /**
   * A connection as pages and the API show it: no secret value, only which secrets are stored.
   *
   * @param name the connection's name
   * @param source the connector
   * @param settings the settings by key, in key order
   * @param storedSecrets the keys of the secrets stored (encrypted) with it
   * @param enabled false when scheduled and {@code --all} syncs skip it
   * @param syncEveryMinutes minutes between scheduled syncs in the server; 0: none
   * @param createdAt when it was first stored
   * @param createdBy who stored it first
   * @param updatedAt when it was last changed
   * @param updatedBy who changed it last
   */
  public record Listing(
      String name,
      ConnectorSource source,
      Map<String, String> settings,
      Set<String> storedSecrets,
      boolean enabled,
      int syncEveryMinutes,
      Instant createdAt,
      String createdBy,
      Instant updatedAt,
      String updatedBy) {

    public Listing {
      settings = Map.copyOf(settings);
      storedSecrets = Set.copyOf(storedSecrets);
    }
  }

  /**
   * A change to a connection from the page, the API or the CLI.
   *
   * @param name the connection's name
   * @param source the connector
   * @param settings the settings by key; blank values count as absent
   * @param newSecrets secret values to store by key ({@code token}); blank values count as absent
   *     (the stored value stays)
   * @param enabled false: scheduled and {@code --all} syncs skip it
   * @param syncEveryMinutes minutes between scheduled syncs; 0: none
   */
  public record Edit(
      String name,
      ConnectorSource source,
      Map<String, String> settings,
      Map<String, String> newSecrets,
      boolean enabled,
      int syncEveryMinutes) {

    public Edit {
      Objects.requireNonNull(source, "source");
      settings = present(settings);
      newSecrets = present(newSecrets);
      if (syncEveryMinutes < 0) {
        throw new BadArgument(
            "connection " + name + ": sync every N minutes needs N ≥ 0, got " + syncEveryMinutes);
      }
    }

    private static Map<String, String> present(Map<String, String> values) {
      Map<String, String> kept = new LinkedHashMap<>();
      values.forEach(
          (key, value) -> {
            if (value != null && !value.isBlank()) {
              kept.put(key, value.strip());
            }
          });
      return kept;
    }
  }

  private static final String ENV = "_env";

  private final JdbcConnections store;
  private final SecretBox box;
  private final Clock clock;

  public StoredConnections(JdbcConnections store, SecretBox box, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.box = Objects.requireNonNull(box, "box");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Every connection, by name, without secret values. */
  public List<Listing> list() {
    return store.list().stream().map(StoredConnections::listing).toList();
  }

  /** The connection named {@code name} without secret values, if stored. */
  public Optional<Listing> listing(String name) {
    return store.find(name).map(StoredConnections::listing);
  }

  /**
   * The connection named {@code name} with its stored secrets opened, ready to call its source
   * (and, for webhooks, to check a request's secret with {@link ConnectionSettings#secret}).
   *
   * @throws BadArgument when a stored secret cannot be opened (no key, another key, altered)
   */
  public Optional<ConnectionSettings> find(String name) {
    return store.find(name).map(this::opened);
  }

  /**
   * The secret of setting {@code key} ({@code token_env}, {@code webhook_secret_env}) of the
   * connection {@code name}: its stored value, else the variable the setting names in {@code
   * environment}; empty when the connection is unknown or the secret is not set anywhere.
   *
   * @throws BadArgument when a stored secret cannot be opened
   */
  public Optional<String> secret(String name, String key, Map<String, String> environment) {
    return find(name)
        .flatMap(
            connection -> {
              try {
                return Optional.of(connection.secret(key, environment));
              } catch (BadArgument notSet) {
                return Optional.empty();
              }
            });
  }

  /**
   * Stores {@code edit} (a new connection, or a replacement of the stored one's settings) as {@code
   * actor}; the secret rules are the class's.
   *
   * @throws BadArgument when the settings are invalid for the source (unknown key, inline secret,
   *     required setting or secret missing)
   */
  public Listing save(Edit edit, String actor) {
    Optional<StoredConnection> existing = store.find(edit.name());
    Map<String, String> settings = new TreeMap<>(edit.settings());
    Map<String, String> sealed = new TreeMap<>();
    List<String> secretKeys = ConnectionSettings.secretKeys(edit.source());
    for (String key : edit.newSecrets().keySet()) {
      if (!secretKeys.contains(key)) {
        throw new BadArgument(
            "connection "
                + edit.name()
                + ": "
                + edit.source().code()
                + " has no secret '"
                + key
                + "' (secrets: "
                + String.join(", ", secretKeys)
                + ")");
      }
    }
    for (String key : secretKeys) {
      String value = edit.newSecrets().get(key);
      if (value != null) {
        settings.remove(key + ENV);
        sealed.put(key, value);
      } else if (!settings.containsKey(key + ENV)) {
        existing
            .map(stored -> stored.secrets().get(key))
            .filter(stored -> existing.get().source().equals(edit.source().code()))
            .ifPresent(stored -> sealed.put(key, stored));
      }
    }
    // Validate with placeholders: the values are checked for presence only.
    Map<String, String> present = new TreeMap<>();
    sealed.keySet().forEach(key -> present.put(key, "set"));
    new ConnectionSettings(edit.name(), edit.source(), settings, present);
    for (Map.Entry<String, String> value : edit.newSecrets().entrySet()) {
      sealed.put(value.getKey(), box.seal(edit.name(), value.getKey(), value.getValue()));
    }
    StoredConnection saved =
        store.save(
            new JdbcConnections.Change(
                edit.name(),
                edit.source().code(),
                settings,
                sealed,
                edit.enabled(),
                edit.syncEveryMinutes()),
            actor,
            clock.instant());
    return listing(saved);
  }

  /**
   * Stores a connection from the connections file or {@code revtrace connect}: its settings replace
   * the stored ones, its enabled flag and schedule stay (new ones: enabled, every {@value
   * #DEFAULT_SYNC_EVERY_MINUTES} minutes).
   */
  public Listing upsert(ConnectionSettings connection, String actor) {
    Optional<Listing> existing = listing(connection.name());
    return save(
        new Edit(
            connection.name(),
            connection.source(),
            connection.settings(),
            connection.secrets(),
            existing.map(Listing::enabled).orElse(true),
            existing.map(Listing::syncEveryMinutes).orElse(DEFAULT_SYNC_EVERY_MINUTES)),
        actor);
  }

  /**
   * Deletes the connection and its sync history (not its cursors nor its batches).
   *
   * @return false when no connection had that name
   */
  public boolean delete(String name) {
    return store.delete(name);
  }

  private ConnectionSettings opened(StoredConnection stored) {
    Map<String, String> secrets = new TreeMap<>();
    stored.secrets().forEach((key, value) -> secrets.put(key, box.open(stored.name(), key, value)));
    return new ConnectionSettings(
        stored.name(), ConnectorSource.of(stored.source()), stored.settings(), secrets);
  }

  private static Listing listing(StoredConnection stored) {
    return new Listing(
        stored.name(),
        ConnectorSource.of(stored.source()),
        stored.settings(),
        new TreeSet<>(stored.secrets().keySet()),
        stored.enabled(),
        stored.syncEveryMinutes(),
        stored.createdAt(),
        stored.createdBy(),
        stored.updatedAt(),
        stored.updatedBy());
  }
}
