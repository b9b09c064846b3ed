package org.revtrace.app.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revtrace.app.Main;
import org.revtrace.app.connect.ConnectionsFile;

/**
 * {@code connect} and {@code sync} against a WireMock Bitrix24 portal: connections are stored (and
 * kept in a connections file, which holds no secret), a second sync asks from the cursor and stores
 * nothing new, and a failing connection does not stop the others nor print its token.
 */
class ConnectSyncCommandTest {

  private static final String TOKEN = "q7xk2secrettoken9";
  private static final String BAD_TOKEN = "z9badsecret42";
  private static final String HOOK = "/rest/1/" + TOKEN + "/";
  private static final Map<String, String> ENVIRONMENT =
      Map.of("RT_BITRIX24", TOKEN, "RT_BITRIX24_OLD", BAD_TOKEN);

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

  private static String deal(int id, String modified) {
    return String.format(
        "{\"ID\":\"%d\",\"STAGE_ID\":\"C1:NEW\",\"OPPORTUNITY\":\"%d.50\",\"CURRENCY_ID\":\"RUB\","
            + "\"DATE_CREATE\":\"2025-03-01T10:00:00+03:00\",\"DATE_MODIFY\":\"%s\"}",
        id, id * 1000, modified);
  }

  private void stubPortal() {
    for (String method : new String[] {"crm.company.list", "crm.contact.list", "crm.lead.list"}) {
      server.stubFor(
          get(urlPathEqualTo(HOOK + method + ".json"))
              .willReturn(okJson("{\"result\":[],\"total\":0}")));
    }
    server.stubFor(
        get(urlPathEqualTo(HOOK + "crm.stagehistory.list.json"))
            .willReturn(okJson("{\"result\":{\"items\":[]},\"total\":0}")));
    String deals = HOOK + "crm.deal.list.json";
    String first = deal(101, "2025-03-01T10:00:01+03:00");
    String last = deal(102, "2025-03-01T10:00:02+03:00");
    server.stubFor(
        get(urlPathEqualTo(deals))
            .willReturn(okJson("{\"result\":[" + first + "," + last + "],\"total\":2}")));
    // From the cursor on, only the boundary deal comes back: nothing changed since.
    server.stubFor(
        get(urlPathEqualTo(deals))
            .withQueryParam("filter[>=DATE_MODIFY]", matching(".+"))
            .willReturn(okJson("{\"result\":[" + last + "],\"total\":1}")));
    server.stubFor(
        get(urlPathMatching("/rest/1/" + BAD_TOKEN + "/.*"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":\"expired_token\",\"error_description\":\"The access token"
                            + " provided has expired.\"}")));
  }

  private Path config() {
    return dir.resolve("connections.yaml");
  }

  @Test
  void connectWritesTheEntryWithoutTheSecretAndReportsOk() throws IOException {
    stubPortal();
    Run connect =
        run(
            "connect",
            "bitrix24",
            "--name",
            "crm",
            "--url",
            server.baseUrl(),
            "--token-env",
            "RT_BITRIX24",
            "--config",
            config().toString(),
            "--db-dir",
            dir.resolve("pg").toString());

    assertThat(connect.code()).as(connect.err()).isZero();
    assertThat(connect.out()).contains("OK", "stored in");
    String file = Files.readString(config());
    assertThat(file)
        .contains("crm", "bitrix24", "RT_BITRIX24", server.baseUrl())
        .doesNotContain(TOKEN);
    assertThat(ConnectionsFile.load(config()))
        .singleElement()
        .satisfies(c -> assertThat(c.settings()).containsEntry("token_env", "RT_BITRIX24"));

    // The store is the source of truth: sync without a file finds the connection there.
    Run sync = run("sync", "--db-dir", dir.resolve("pg").toString());
    assertThat(sync.code()).as(sync.err()).isZero();
    assertThat(sync.out()).contains("crm: 2 read, 2 kept, 0 quarantined; batch 1;");
  }

  @Test
  void syncWithoutAnyConnectionSaysHowToAddOne() {
    Run sync = run("sync", "--db-dir", dir.resolve("pg").toString());
    assertThat(sync.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(sync.err()).contains("no connections in the store", "revtrace connect");
  }

  @Test
  void anAmoCrmConnectionIsTestedWithItsAccount() {
    server.stubFor(
        get(urlPathEqualTo("/api/v4/account"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .willReturn(okJson("{\"id\":1,\"name\":\"example\"}")));
    Run connect =
        run(
            "connect",
            "amocrm",
            "--name",
            "sales",
            "--url",
            server.baseUrl(),
            "--currency",
            "RUB",
            "--token-env",
            "RT_BITRIX24",
            "--db-dir",
            dir.resolve("pg").toString());
    assertThat(connect.code()).as(connect.err()).isZero();
    assertThat(connect.out()).contains("OK: account answered").doesNotContain(TOKEN);
  }

  @Test
  void aSecretWrittenInlineOrAMissingVariableIsRefused() throws IOException {
    Files.writeString(
        config(),
        "connections:\n  - name: crm\n    source: bitrix24\n    url: https://x.bitrix24.ru\n"
            + "    token: inlinesecret77\n");
    Run inline =
        run("sync", "--config", config().toString(), "--db-dir", dir.resolve("pg").toString());
    assertThat(inline.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(inline.err()).contains("secret written inline").doesNotContain("inlinesecret77");

    Run connect =
        run(
            "connect",
            "bitrix24",
            "--name",
            "crm",
            "--url",
            "https://x.bitrix24.ru",
            "--token-env",
            "RT_NOT_SET",
            "--config",
            dir.resolve("other.yaml").toString(),
            "--db-dir",
            dir.resolve("pg").toString());
    assertThat(connect.code()).isEqualTo(ExitCodes.FAILURE);
    assertThat(connect.err()).contains("RT_NOT_SET", "is not set");
  }

  @Test
  void theSecondSyncAsksFromTheCursorAndStoresNoNewBatch() throws IOException {
    stubPortal();
    Files.writeString(
        config(),
        "connections:\n  - name: crm\n    source: bitrix24\n    url: "
            + server.baseUrl()
            + "\n    token_env: RT_BITRIX24\n");
    String db = dir.resolve("pg").toString();

    Run first = run("sync", "--config", config().toString(), "--db-dir", db);
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("crm: 2 read, 2 kept, 0 quarantined; batch 1;")
        .contains("crm.deal.list>=2025-03-01T07:00:02Z#102");

    Run second = run("sync", "--name", "crm", "--config", config().toString(), "--db-dir", db);
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.out()).contains("crm: 1 read, 1 kept", "no batch (nothing new)");
    server.verify(
        getRequestedFor(urlPathEqualTo(HOOK + "crm.deal.list.json"))
            .withQueryParam("filter[>=DATE_MODIFY]", equalTo("2025-03-01T07:00:02+00:00")));
  }

  @Test
  void aRecordSavedInTheBoundarySecondWithALowerIdIsStillStored() throws IOException {
    stubPortal();
    // Deal 100 was saved in the same second as the cursor's deal 102 but read after it: the cursor
    // (time, then id) does not move, yet the deal is new.
    server.stubFor(
        get(urlPathEqualTo(HOOK + "crm.deal.list.json"))
            .withQueryParam("filter[>=DATE_MODIFY]", matching(".+"))
            .willReturn(
                okJson(
                    "{\"result\":["
                        + deal(100, "2025-03-01T10:00:02+03:00")
                        + ","
                        + deal(102, "2025-03-01T10:00:02+03:00")
                        + "],\"total\":2}")));
    Files.writeString(
        config(),
        "connections:\n  - name: crm\n    source: bitrix24\n    url: "
            + server.baseUrl()
            + "\n    token_env: RT_BITRIX24\n");
    String db = dir.resolve("pg").toString();
    assertThat(run("sync", "--config", config().toString(), "--db-dir", db).out())
        .contains("batch 1;");

    Run second = run("sync", "--config", config().toString(), "--db-dir", db);
    assertThat(second.out()).contains("crm: 2 read, 2 kept", "batch 2;");
    Run third = run("sync", "--config", config().toString(), "--db-dir", db);
    assertThat(third.out()).as("the same records again").contains("batch 2 (already stored)");
  }

  @Test
  void aFailingConnectionIsReportedWithoutItsTokenAndTheOthersStillSync() throws IOException {
    stubPortal();
    Files.writeString(
        config(),
        "connections:\n"
            + "  - name: old\n    source: bitrix24\n    url: "
            + server.baseUrl()
            + "\n    token_env: RT_BITRIX24_OLD\n"
            + "  - name: crm\n    source: bitrix24\n    url: "
            + server.baseUrl()
            + "\n    token_env: RT_BITRIX24\n");

    Run sync =
        run(
            "sync",
            "--all",
            "--config",
            config().toString(),
            "--db-dir",
            dir.resolve("pg").toString());

    assertThat(sync.code()).isEqualTo(ExitCodes.FAILURE);
    assertThat(sync.err()).contains("old: failed").doesNotContain(BAD_TOKEN);
    assertThat(sync.out())
        .doesNotContain(BAD_TOKEN)
        .contains("crm: 2 read, 2 kept, 0 quarantined; batch 1;");
  }
}
