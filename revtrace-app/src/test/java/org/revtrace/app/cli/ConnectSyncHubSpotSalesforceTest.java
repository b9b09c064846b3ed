package org.revtrace.app.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revtrace.app.Main;

/**
 * {@code connect hubspot|salesforce} and {@code sync} of a HubSpot portal against WireMock: the
 * connections file keeps only variable names, a Salesforce connection refreshes its expired token,
 * the second HubSpot sync searches from the cursor and stores nothing new.
 */
class ConnectSyncHubSpotSalesforceTest {

  private static final String HUBSPOT_TOKEN = "pat-na1-11aa22bb-secret";
  private static final String SF_TOKEN = "00Dxx!expiredaccess";
  private static final String SF_FRESH = "00Dxx!freshaccess";
  private static final String SF_SECRET = "sfClientSecret77";
  private static final String SF_REFRESH = "sfRefreshToken55";
  private static final Map<String, String> ENVIRONMENT =
      Map.of(
          "HUBSPOT_TOKEN", HUBSPOT_TOKEN,
          "SF_TOKEN", SF_TOKEN,
          "SF_CLIENT_ID", "3MVG9client",
          "SF_SECRET", SF_SECRET,
          "SF_REFRESH", SF_REFRESH);

  @TempDir Path dir;

  private final WireMockServer server =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());

  private record Run(int code, String out, String err) {}

  @BeforeEach
  void start() {
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), ENVIRONMENT, args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path config() {
    return dir.resolve("connections.yaml");
  }

  private static String deal(String id, String modified) {
    return String.format(
        "{\"id\":\"%s\",\"properties\":{\"amount\":\"1200.50\",\"deal_currency_code\":\"USD\","
            + "\"createdate\":\"2025-03-01T09:00:00.000Z\",\"dealstage\":\"closedwon\","
            + "\"closedate\":\"2025-03-05T09:00:00.000Z\",\"hs_lastmodifieddate\":\"%s\"}}",
        id, modified);
  }

  private void stubPortal() {
    server.stubFor(
        get(urlPathEqualTo("/crm/v3/pipelines/deals"))
            .withHeader("Authorization", equalTo("Bearer " + HUBSPOT_TOKEN))
            .willReturn(
                okJson(
                    "{\"results\":[{\"id\":\"default\",\"stages\":[{\"id\":\"closedwon\","
                        + "\"label\":\"Closed Won\",\"metadata\":{\"isClosed\":\"true\","
                        + "\"probability\":\"1.0\"}}]}]}")));
    for (String type : new String[] {"companies", "contacts"}) {
      server.stubFor(
          post(urlPathEqualTo("/crm/v3/objects/" + type + "/search"))
              .willReturn(okJson("{\"total\":0,\"results\":[]}")));
    }
    String last = deal("302", "2025-03-05T09:00:01.500Z");
    server.stubFor(
        post(urlPathEqualTo("/crm/v3/objects/deals/search"))
            .atPriority(5)
            .willReturn(
                okJson(
                    "{\"total\":2,\"results\":["
                        + deal("301", "2025-03-05T09:00:00.000Z")
                        + ","
                        + last
                        + "]}")));
    // From the cursor on, only the boundary deal comes back: nothing changed since.
    server.stubFor(
        post(urlPathEqualTo("/crm/v3/objects/deals/search"))
            .atPriority(1)
            .withRequestBody(matchingJsonPath("$.filterGroups[0].filters[0].operator"))
            .willReturn(okJson("{\"total\":1,\"results\":[" + last + "]}")));
    for (String pair : new String[] {"deals/contacts", "deals/companies"}) {
      server.stubFor(
          post(urlPathEqualTo("/crm/v4/associations/" + pair + "/batch/read"))
              .willReturn(okJson("{\"status\":\"COMPLETE\",\"results\":[]}")));
    }
    server.stubFor(
        post(urlPathEqualTo("/crm/v3/objects/deals/batch/read"))
            .willReturn(okJson("{\"status\":\"COMPLETE\",\"results\":[]}")));
  }

  @Test
  void aHubSpotConnectionIsWrittenWithoutItsTokenAndTested() throws IOException {
    stubPortal();
    Run connect =
        run(
            "connect",
            "hubspot",
            "--name",
            "hs",
            "--url",
            server.baseUrl(),
            "--token-env",
            "HUBSPOT_TOKEN",
            "--config",
            config().toString());

    assertThat(connect.code()).as(connect.err()).isZero();
    assertThat(connect.out()).contains("OK: deal pipelines answered").doesNotContain(HUBSPOT_TOKEN);
    assertThat(Files.readString(config()))
        .contains("hs", "hubspot", "HUBSPOT_TOKEN")
        .doesNotContain(HUBSPOT_TOKEN);
  }

  @Test
  void aSalesforceConnectionRefreshesItsExpiredTokenWhenTested() throws IOException {
    server.stubFor(
        get(urlPathEqualTo("/services/data/v60.0/query"))
            .withHeader("Authorization", equalTo("Bearer " + SF_TOKEN))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "[{\"message\":\"Session expired or invalid\","
                            + "\"errorCode\":\"INVALID_SESSION_ID\"}]")));
    server.stubFor(
        post(urlPathEqualTo("/services/oauth2/token"))
            .willReturn(
                okJson("{\"access_token\":\"" + SF_FRESH + "\",\"token_type\":\"Bearer\"}")));
    server.stubFor(
        get(urlPathEqualTo("/services/data/v60.0/query"))
            .withHeader("Authorization", equalTo("Bearer " + SF_FRESH))
            .willReturn(okJson("{\"totalSize\":0,\"done\":true,\"records\":[]}")));

    Run connect =
        run(
            "connect",
            "salesforce",
            "--name",
            "sf",
            "--url",
            server.baseUrl(),
            "--token-env",
            "SF_TOKEN",
            "--currency",
            "USD",
            "--set",
            "login_url=" + server.baseUrl(),
            "--set",
            "client_id_env=SF_CLIENT_ID",
            "--set",
            "client_secret_env=SF_SECRET",
            "--set",
            "refresh_token_env=SF_REFRESH",
            "--config",
            config().toString());

    assertThat(connect.code()).as(connect.err()).isZero();
    assertThat(connect.out()).contains("OK: opportunity query answered");
    server.verify(1, postRequestedFor(urlPathEqualTo("/services/oauth2/token")));
    assertThat(Files.readString(config()))
        .contains("salesforce", "SF_TOKEN", "SF_SECRET", "SF_REFRESH", "refresh_token_env")
        .doesNotContain(SF_TOKEN, SF_SECRET, SF_REFRESH);
  }

  @Test
  void aRefusedSalesforceRefreshIsReportedWithoutAnySecret() {
    server.stubFor(
        get(urlPathEqualTo("/services/data/v60.0/query"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "[{\"message\":\"Session expired or invalid\","
                            + "\"errorCode\":\"INVALID_SESSION_ID\"}]")));
    server.stubFor(
        post(urlPathEqualTo("/services/oauth2/token"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"expired\"}")));

    Run connect =
        run(
            "connect",
            "salesforce",
            "--name",
            "sf",
            "--url",
            server.baseUrl(),
            "--token-env",
            "SF_TOKEN",
            "--set",
            "login_url=" + server.baseUrl(),
            "--set",
            "client_id_env=SF_CLIENT_ID",
            "--set",
            "client_secret_env=SF_SECRET",
            "--set",
            "refresh_token_env=SF_REFRESH",
            "--config",
            config().toString());

    assertThat(connect.code()).isEqualTo(ExitCodes.FAILURE);
    assertThat(connect.err())
        .contains("sf failed", "invalid_grant")
        .doesNotContain(SF_TOKEN, SF_SECRET, SF_REFRESH);
  }

  @Test
  void theSecondHubSpotSyncSearchesFromTheCursorAndStoresNoNewBatch() throws IOException {
    stubPortal();
    Files.writeString(
        config(),
        "connections:\n  - name: hs\n    source: hubspot\n    url: "
            + server.baseUrl()
            + "\n    token_env: HUBSPOT_TOKEN\n");
    String db = dir.resolve("pg").toString();

    Run first = run("sync", "--config", config().toString(), "--db-dir", db);
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("hs: 2 read, 2 kept, 0 quarantined; batch 1;")
        .contains("deals>=2025-03-05T09:00:01.500Z#302", "companies (none)");

    Run second = run("sync", "--name", "hs", "--config", config().toString(), "--db-dir", db);
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.out()).contains("hs: 1 read, 1 kept", "no batch (nothing new)");
    server.verify(
        postRequestedFor(urlPathEqualTo("/crm/v3/objects/deals/search"))
            .withRequestBody(
                matchingJsonPath(
                    "$.filterGroups[0].filters[0].value",
                    equalTo(
                        Long.toString(Instant.parse("2025-03-05T09:00:01.500Z").toEpochMilli())))));
  }
}
