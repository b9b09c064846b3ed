package org.revtrace.app.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.revtrace.app.cli.BadArgument;

class ConnectionSettingsTest {

  private static final Map<String, String> URL = Map.of("url", "https://example.bitrix24.ru");

  @Test
  void aStoredSecretStandsForItsVariableAndWinsOverTheEnvironment() {
    ConnectionSettings stored =
        new ConnectionSettings("crm", ConnectorSource.BITRIX24, URL, Map.of("token", "stored1"));
    assertThat(stored.secret("token_env", Map.of())).isEqualTo("stored1");
    assertThat(ConnectionSettings.secretKeys(ConnectorSource.BITRIX24))
        .containsExactly("token", "webhook_token");

    assertThatThrownBy(() -> new ConnectionSettings("crm", ConnectorSource.BITRIX24, URL))
        .isInstanceOf(BadArgument.class)
        .hasMessageContaining("token is missing")
        .hasMessageContaining("token_env");
    assertThatThrownBy(
            () ->
                new ConnectionSettings(
                    "crm", ConnectorSource.BITRIX24, URL, Map.of("password", "x")))
        .isInstanceOf(BadArgument.class)
        .hasMessageContaining("no secret 'password'");
  }

  @Test
  void redactionBlanksStoredSecretsAndTheVariablesValuesAndToStringHidesThem() {
    ConnectionSettings stored =
        new ConnectionSettings("crm", ConnectorSource.BITRIX24, URL, Map.of("token", "stored1"));
    assertThat(stored.redact("GET /rest/1/stored1/x failed", Map.of()))
        .isEqualTo("GET /rest/1/***/x failed");
    assertThat(stored.toString()).contains("token").doesNotContain("stored1");

    ConnectionSettings fromEnvironment =
        new ConnectionSettings(
            "crm",
            ConnectorSource.BITRIX24,
            Map.of("url", "https://example.bitrix24.ru", "token_env", "RT_TOKEN"));
    assertThat(fromEnvironment.redact("bad envtoken9", Map.of("RT_TOKEN", "envtoken9")))
        .isEqualTo("bad ***");
    assertThat(fromEnvironment.redact(null, Map.of())).isNull();
  }
}
