package org.revtrace.app.web.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.revtrace.app.cli.BadArgument;
import org.revtrace.app.connect.ConnectionSettings;
import org.revtrace.app.connect.ConnectorSource;
import org.revtrace.app.connect.StoredConnections;
import org.revtrace.store.SyncRun;

/**
 * What the settings page and the API show of connections, and how their forms read back. Secret
 * values never appear: a secret is {@code stored}, {@code environment} (a variable is named) or
 * {@code not_set}.
 */
final class ConnectionViews {

  private ConnectionViews() {}

  /** Where a connection's secret comes from. */
  enum SecretState {
    STORED,
    ENVIRONMENT,
    NOT_SET;

    /** {@code stored}, {@code environment} or {@code not_set} (public for the templates). */
    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One secret of a connection as shown.
   *
   * @param key the secret's key ({@code token})
   * @param state where it comes from
   * @param variable the environment variable's name when {@code state} is {@code ENVIRONMENT}
   */
  record Secret(String key, SecretState state, String variable) {}

  /**
   * A line of the connections list.
   *
   * @param connection the stored connection
   * @param secrets its secrets' states, in the source's order
   * @param lastRun its newest run, or null
   * @param running true while a sync started in this server runs
   */
  record Row(
      StoredConnections.Listing connection,
      List<Secret> secrets,
      SyncRun lastRun,
      boolean running) {}

  static List<Secret> secrets(StoredConnections.Listing connection) {
    List<Secret> secrets = new ArrayList<>();
    for (String key : ConnectionSettings.secretKeys(connection.source())) {
      String variable = connection.settings().get(key + "_env");
      SecretState state =
          connection.storedSecrets().contains(key)
              ? SecretState.STORED
              : variable != null ? SecretState.ENVIRONMENT : SecretState.NOT_SET;
      secrets.add(new Secret(key, state, state == SecretState.ENVIRONMENT ? variable : null));
    }
    return secrets;
  }

  /** The plain (not {@code *_env}) setting keys of a source, in its order. */
  static List<String> plainSettings(ConnectorSource source) {
    return source.settings().stream().filter(key -> !key.endsWith("_env")).toList();
  }

  /** A connection as the API answers it: settings, secrets' states, schedule, last run. */
  static Map<String, Object> json(Row row) {
    StoredConnections.Listing connection = row.connection();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", connection.name());
    body.put("source", connection.source().code());
    body.put("settings", new java.util.TreeMap<>(connection.settings()));
    Map<String, String> secrets = new LinkedHashMap<>();
    for (Secret secret : row.secrets()) {
      secrets.put(secret.key(), secret.state().code());
    }
    body.put("secrets", secrets);
    body.put("enabled", connection.enabled());
    body.put("sync_every_minutes", connection.syncEveryMinutes());
    body.put("created_at", connection.createdAt().toString());
    body.put("created_by", connection.createdBy());
    body.put("updated_at", connection.updatedAt().toString());
    body.put("updated_by", connection.updatedBy());
    body.put("running", row.running());
    body.put("last_run", row.lastRun() == null ? null : json(row.lastRun()));
    return body;
  }

  /** A run as the API answers it. */
  static Map<String, Object> json(SyncRun run) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", run.id());
    body.put("trigger", run.trigger().code());
    body.put("started_by", run.startedBy());
    body.put("started_at", run.startedAt().toString());
    body.put("finished_at", run.finishedAt().toString());
    body.put("status", run.status().code());
    body.put("rows_read", run.rowsRead());
    body.put("rows_kept", run.rowsKept());
    body.put("rows_quarantined", run.rowsQuarantined());
    body.put("batch_id", run.batchId());
    body.put("error", run.error());
    return body;
  }

  /**
   * The edit a form or a JSON body describes.
   *
   * @param settings values by setting key; keys the source does not know are refused
   * @param secrets new secret values by key; blank ones keep the stored value
   * @param syncEvery minutes as text; blank: the default
   * @throws BadArgument when a number is not one
   */
  static StoredConnections.Edit edit(
      String name,
      ConnectorSource source,
      Map<String, String> settings,
      Map<String, String> secrets,
      boolean enabled,
      String syncEvery) {
    int minutes;
    if (syncEvery == null || syncEvery.isBlank()) {
      minutes = StoredConnections.DEFAULT_SYNC_EVERY_MINUTES;
    } else {
      try {
        minutes = Integer.parseInt(syncEvery.strip());
      } catch (NumberFormatException e) {
        throw new BadArgument(
            "sync every N minutes: '" + syncEvery + "' is not a whole number (0: no schedule)");
      }
    }
    return new StoredConnections.Edit(name, source, settings, secrets, enabled, minutes);
  }
}
