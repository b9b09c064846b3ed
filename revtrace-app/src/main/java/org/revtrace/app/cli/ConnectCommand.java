package org.revtrace.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.revtrace.app.connect.ConnectionSettings;
import org.revtrace.app.connect.ConnectionsFile;
import org.revtrace.app.connect.ConnectorSource;
import org.revtrace.app.connect.Connectors;
import org.revtrace.app.connect.SecretBox;
import org.revtrace.app.connect.StoredConnections;
import org.revtrace.store.JdbcConnections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code revtrace connect}: stores or updates one connection in the store (and, with {@code
 * --config}, in a connections file kept as code; never a secret), then tests it with one cheap
 * request.
 */
@Command(
    name = "connect",
    mixinStandardHelpOptions = true,
    description = {
      "Add or update a connection in the store and test it with one request.",
      "Secrets are never written: --token-env names the environment variable holding the token",
      "(or enter the token on the server's settings page, where it is stored encrypted).",
      "Exit code 1 when the test request fails (the entry is stored anyway)."
    })
public final class ConnectCommand implements Callable<Integer> {

  /** Who the store records as having written a connection from the command line. */
  static final String ACTOR = "cli";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Where secrets are read; the process environment unless a test sets another. */
  public Map<String, String> environment = System.getenv();

  @Parameters(
      index = "0",
      paramLabel = "SOURCE",
      description =
          "bitrix24, amocrm, hubspot, salesforce, yandex-direct, vk-ads, google-ads or metrica.")
  String source;

  @Option(names = "--name", required = true, description = "Name of the connection.")
  String name;

  @Option(
      names = "--url",
      description =
          "Portal URL (bitrix24: https://example.bitrix24.ru) or account URL (amocrm); for ad"
              + " sources the API address (default: the production one).")
  String url;

  @Option(names = "--user", description = "bitrix24: id of the webhook's user (default 1).")
  String user;

  @Option(
      names = "--currency",
      description =
          "amocrm: currency of deal budgets; yandex-direct, vk-ads: account currency (default"
              + " RUB); google-ads: read from the account.")
  String currency;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Any other setting of the source (repeatable), e.g. --set client_login=agency-client,"
              + " --set customer_id=123-456-7890, --set start_date=2025-01-01.")
  Map<String, String> more = new LinkedHashMap<>();

  @Option(
      names = "--token-env",
      description =
          "Environment variable holding the token (webhook token, long-lived token, or the"
              + " Yandex Direct / VK Ads access token).")
  String tokenEnv;

  @Option(
      names = "--config",
      description =
          "Also write the entry into this connections file (connections as code, read back by"
              + " sync --config).")
  Path config;

  @Mixin StoreOptions store;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> settings = new LinkedHashMap<>();
    put(settings, "url", url);
    put(settings, "user", user);
    put(settings, "currency", currency);
    put(settings, "token_env", tokenEnv);
    more.forEach((key, value) -> put(settings, key, value));
    ConnectionSettings connection =
        new ConnectionSettings(name, ConnectorSource.of(source), settings);
    Connectors connectors = Connectors.standard(environment);
    try (StoreOptions.OpenDatabase database = store.openDatabase()) {
      StoredConnections connections =
          new StoredConnections(
              new JdbcConnections(database.dataSource()),
              SecretBox.of(environment, SecretBox.keyFileBeside(store.directory)),
              Clock.systemUTC());
      connections.upsert(connection, ACTOR);
      out.printf(
          "connection %s (%s) stored in %s%n",
          name, connection.source().code(), database.description());
      if (config != null) {
        ConnectionsFile.upsert(config, connection);
        out.printf("connection %s written to %s%n", name, config);
      }
      connection = connections.find(name).orElseThrow();
    }
    try {
      String checked = connectors.test(connection);
      out.printf("OK: %s%n", checked);
      return ExitCodes.OK;
    } catch (RuntimeException e) {
      err.printf("connection %s failed: %s%n", name, connectors.redact(connection, e.getMessage()));
      return ExitCodes.FAILURE;
    }
  }

  private static void put(Map<String, String> settings, String key, String value) {
    if (value != null && !value.isBlank()) {
      settings.put(key, value.strip());
    }
  }
}
