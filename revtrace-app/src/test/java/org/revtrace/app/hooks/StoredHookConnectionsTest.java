package org.revtrace.app.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revtrace.app.cli.StoreOptions;
import org.revtrace.app.connect.ConnectorSource;
import org.revtrace.app.connect.SecretBox;
import org.revtrace.app.connect.StoredConnections;
import org.revtrace.store.JdbcConnections;

/** Webhook targets come from the store's connections, with the secret stored or in a variable. */
class StoredHookConnectionsTest {

  @TempDir Path folder;

  @Test
  void aStoredOrVariableWebhookSecretMakesAConnectionAWebhookTarget() throws Exception {
    try (StoreOptions.OpenDatabase database =
        StoreOptions.openDatabase(folder.resolve("pg"), Map.of())) {
      StoredConnections stored =
          new StoredConnections(
              new JdbcConnections(database.dataSource()),
              SecretBox.of(
                  Map.of(SecretBox.KEY_VARIABLE, SecretBox.newKey()), folder.resolve("key")),
              Clock.systemUTC());
      stored.save(
          new StoredConnections.Edit(
              "portal",
              ConnectorSource.BITRIX24,
              Map.of("url", "https://example.bitrix24.ru", "token_env", "B24_TOKEN"),
              Map.of("webhook_token", "stored-application-token-0123"),
              true,
              60),
          "admin");
      stored.save(
          new StoredConnections.Edit(
              "account",
              ConnectorSource.AMOCRM,
              Map.of(
                  "url",
                  "https://example.amocrm.ru",
                  "token_env",
                  "AMO_TOKEN",
                  "webhook_token_env",
                  "AMO_HOOK"),
              Map.of(),
              true,
              60),
          "admin");
      stored.save(
          new StoredConnections.Edit(
              "quiet",
              ConnectorSource.AMOCRM,
              Map.of("url", "https://quiet.amocrm.ru", "token_env", "AMO_TOKEN"),
              Map.of(),
              true,
              60),
          "admin");
      HookConnections hooks =
          new StoredHookConnections(
              stored,
              Map.of(
                  "B24_TOKEN", "rest-token",
                  "AMO_TOKEN", "amo-token",
                  "AMO_HOOK", "variable-hook-secret-0123456789"));

      HookConnection portal = hooks.find("portal").orElseThrow();
      assertThat(portal.webhookSecret()).isEqualTo("stored-application-token-0123");
      assertThat(portal.environment()).containsEntry("B24_TOKEN", "rest-token");
      assertThat(portal.toString()).doesNotContain("stored-application-token");

      assertThat(hooks.find("account").orElseThrow().webhookSecret())
          .isEqualTo("variable-hook-secret-0123456789");
      assertThat(hooks.find("quiet")).as("no webhook secret: takes no webhooks").isEmpty();
      assertThat(hooks.find("unknown")).isEmpty();
    }
  }
}
