package org.revtrace.app.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revtrace.app.Main;
import org.revtrace.core.model.Spend;
import org.revtrace.core.port.BatchSummary;
import org.revtrace.core.port.RowCounts;
import org.revtrace.store.EmbeddedDatabase;
import org.revtrace.store.JdbcImportBatches;
import org.revtrace.store.JdbcSyncCursors;

/**
 * {@code connect} and {@code sync} of ad-spend connections against WireMock ad platforms and the
 * embedded store: a restated day replaces the stored spend, the same numbers again change nothing,
 * the day cursor is stored and read back, and tokens never reach the file or the output.
 */
class AdSpendSyncCommandTest {

  private static final String YANDEX_TOKEN = "y0_AgAAyandex-secret";
  private static final String VK_TOKEN = "vk-secret-Token-55";
  private static final String GOOGLE_REFRESH = "1//google-refresh-secret";
  private static final String GOOGLE_DEVELOPER = "google-dev-secret";
  private static final Map<String, String> ENVIRONMENT =
      Map.of(
          "RT_YANDEX",
          YANDEX_TOKEN,
          "RT_VK",
          VK_TOKEN,
          "GOOGLE_ADS_DEVELOPER_TOKEN",
          GOOGLE_DEVELOPER,
          "GOOGLE_ADS_CLIENT_ID",
          "client.apps.googleusercontent.com",
          "GOOGLE_ADS_CLIENT_SECRET",
          "GOCSPX-google-client-secret",
          "GOOGLE_ADS_REFRESH_TOKEN",
          GOOGLE_REFRESH);
  private static final String REPORTS = "/json/v5/reports";
  private static final String HEADER =
      "Date\tCampaignId\tCampaignName\tImpressions\tClicks\tCost\n";

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

  private String db() {
    return dir.resolve("pg").toString();
  }

  private Run sync() {
    return run("sync", "--config", config().toString(), "--db-dir", db());
  }

  /** A Reports API answer (skipReportHeader: no title; skipReportSummary false: the row count). */
  private void stubReport(String... rows) {
    server.resetMappings();
    server.stubFor(
        post(urlPathEqualTo(REPORTS))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/tab-separated-values")
                    .withBody(
                        HEADER + String.join("", rows) + "Total rows: " + rows.length + "\n")));
  }

  private static String row(String date, String id, String name, long clicks, String micros) {
    return date
        + "\t"
        + id
        + "\t"
        + name
        + "\t"
        + clicks * 30
        + "\t"
        + clicks
        + "\t"
        + micros
        + "\n";
  }

  private void writeYandex(String endDate) throws IOException {
    Files.writeString(
        config(),
        "connections:\n  - name: direct\n    source: yandex-direct\n    url: "
            + server.baseUrl()
            + REPORTS
            + "\n    token_env: RT_YANDEX\n    client_login: agency-client\n"
            + "    start_date: 2025-03-01\n    end_date: "
            + endDate
            + "\n");
  }

  @Test
  void connectWritesAYandexDirectEntryWithoutTheTokenAndReadsOneDay() throws IOException {
    stubReport();
    Run connect =
        run(
            "connect",
            "yandex-direct",
            "--name",
            "direct",
            "--url",
            server.baseUrl() + REPORTS,
            "--token-env",
            "RT_YANDEX",
            "--set",
            "client_login=agency-client",
            "--config",
            config().toString());

    assertThat(connect.code()).as(connect.err()).isZero();
    assertThat(connect.out()).contains("OK: report of ", "answered, 0 records");
    assertThat(Files.readString(config()))
        .contains("yandex-direct", "RT_YANDEX", "client_login: \"agency-client\"")
        .doesNotContain(YANDEX_TOKEN);
    server.verify(
        postRequestedFor(urlPathEqualTo(REPORTS))
            .withHeader("Authorization", equalTo("Bearer " + YANDEX_TOKEN))
            .withHeader("Client-Login", equalTo("agency-client")));
  }

  @Test
  void aRestatedDayReplacesTheStoredSpendAndTheSameNumbersChangeNothing() throws IOException {
    writeYandex("2025-03-03");
    stubReport(
        row("2025-03-01", "338151", "Spring Sale", 10, "100000000"),
        row("2025-03-02", "338151", "Spring Sale", 20, "200000000"),
        row("2025-03-03", "338152", "Brand", 5, "50005000"));

    Run first = sync();
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out())
        .contains(
            "direct: 3 read, 3 kept, 0 quarantined; batch 1;"
                + " next cursor spend:agency-client through 2025-03-03");

    // Yandex restated 2 March (invalid clicks refunded); the other days come back unchanged.
    stubReport(
        row("2025-03-01", "338151", "Spring Sale", 10, "100000000"),
        row("2025-03-02", "338151", "Spring Sale", 18, "180000000"),
        row("2025-03-03", "338152", "Brand", 5, "50005000"));
    Run second = sync();
    assertThat(second.out()).contains("direct: 3 read, 3 kept, 0 quarantined; batch 2;");

    Run third = sync();
    assertThat(third.out()).as("the same read again").contains("batch 2 (already stored)");

    // A day later: the window is read again with the same numbers plus the new day.
    writeYandex("2025-03-04");
    stubReport(
        row("2025-03-01", "338151", "Spring Sale", 10, "100000000"),
        row("2025-03-02", "338151", "Spring Sale", 18, "180000000"),
        row("2025-03-03", "338152", "Brand", 5, "50005000"),
        row("2025-03-04", "338152", "Brand", 1, "9990000"));
    Run fourth = sync();
    assertThat(fourth.out())
        .contains("direct: 4 read, 4 kept", "next cursor spend:agency-client through 2025-03-04")
        .doesNotContain("already stored");
    server.verify(
        postRequestedFor(urlPathEqualTo(REPORTS))
            .withRequestBody(containing("\"DateFrom\":\"2025-03-01\""))
            .withRequestBody(containing("\"DateTo\":\"2025-03-04\"")));

    try (EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(db()))) {
      JdbcImportBatches batches = new JdbcImportBatches(database.dataSource());
      Map<String, String> spend = new TreeMap<>();
      for (Spend row : batches.loadAll().spend()) {
        spend.put(
            row.date() + " " + row.utm().campaign(),
            row.clicks() + " clicks " + row.cost().toString());
      }
      assertThat(spend)
          .containsExactly(
              Map.entry("2025-03-01 spring sale", "10 clicks 100.00 RUB"),
              Map.entry("2025-03-02 spring sale", "18 clicks 180.00 RUB"),
              // 50,005,000 micros = 50.005 RUB: half-even to 50.00
              Map.entry("2025-03-03 brand", "5 clicks 50.00 RUB"),
              Map.entry("2025-03-04 brand", "1 clicks 9.99 RUB"));
      List<BatchSummary> summaries = batches.batches();
      assertThat(summaries)
          .extracting(summary -> summary.table("spend"))
          .containsExactly(new RowCounts(3, 0, 0), new RowCounts(0, 1, 2), new RowCounts(1, 0, 3));
      assertThat(summaries).allSatisfy(s -> assertThat(s.source()).isEqualTo("connector:direct"));
      assertThat(new JdbcSyncCursors(database.dataSource()).load("direct"))
          .containsOnlyKeys("spend:agency-client")
          .hasEntrySatisfying(
              "spend:agency-client",
              json -> assertThat(json).contains("\"last_day\":\"2025-03-04\""));
    }
  }

  @Test
  void aOneRowWindowRestatedIsStoredToo() throws IOException {
    // One record re-read under a day cursor is not a CRM boundary record: it may be restated.
    writeYandex("2025-03-01");
    stubReport(row("2025-03-01", "338151", "Spring Sale", 10, "100000000"));
    assertThat(sync().out()).contains("direct: 1 read, 1 kept, 0 quarantined; batch 1;");

    stubReport(row("2025-03-01", "338151", "Spring Sale", 9, "90000000"));
    Run second = sync();

    assertThat(second.out())
        .contains("direct: 1 read, 1 kept")
        .doesNotContain("no batch", "already stored");
    try (EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(db()))) {
      assertThat(new JdbcImportBatches(database.dataSource()).loadAll().spend())
          .extracting(s -> s.date() + " " + s.cost())
          .containsExactly("2025-03-01 90.00 RUB");
    }
  }

  @Test
  void aRefusedTokenFailsWithoutPrintingIt() throws IOException {
    writeYandex("2025-03-03");
    server.stubFor(
        post(urlPathEqualTo(REPORTS))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"request_id\":\"1\",\"error_code\":53,"
                            + "\"error_string\":\"Authorization error\","
                            + "\"error_detail\":\"Invalid OAuth token\"}}")));

    Run sync = sync();

    assertThat(sync.code()).isEqualTo(ExitCodes.FAILURE);
    assertThat(sync.err()).contains("direct: failed", "401").doesNotContain(YANDEX_TOKEN);
    assertThat(sync.out()).doesNotContain(YANDEX_TOKEN);
  }

  @Test
  void vkAdsAndGoogleAdsSyncTheirDaysWithSecretsFromTheEnvironment() throws IOException {
    server.stubFor(
        get(urlPathEqualTo("/api/v2/campaigns.json"))
            .willReturn(okJson("{\"count\":1,\"items\":[{\"id\":101,\"name\":\"Весна 2025\"}]}")));
    server.stubFor(
        get(urlPathEqualTo("/api/v2/statistics/campaigns/day.json"))
            .willReturn(
                okJson(
                    "{\"items\":[{\"id\":101,\"rows\":[{\"date\":\"2025-03-01\",\"base\":"
                        + "{\"shows\":1500,\"clicks\":30,\"spent\":\"450.50\"}}],"
                        + "\"total\":{\"base\":{\"spent\":\"450.50\"}}}],"
                        + "\"total\":{\"base\":{\"spent\":\"450.50\"}}}")));
    server.stubFor(
        post(urlPathEqualTo("/token"))
            .willReturn(okJson("{\"access_token\":\"ya29.access\",\"expires_in\":3599}")));
    String stream = "/v26/customers/1234567890/googleAds:searchStream";
    server.stubFor(
        post(urlPathEqualTo(stream))
            .withRequestBody(containing("FROM customer"))
            .willReturn(
                okJson(
                    "[{\"results\":[{\"customer\":{\"id\":\"1234567890\",\"descriptiveName\":"
                        + "\"B2B\",\"currencyCode\":\"EUR\",\"timeZone\":\"Europe/Berlin\"}}]}]")));
    server.stubFor(
        post(urlPathEqualTo(stream))
            .withRequestBody(containing("FROM campaign"))
            .willReturn(
                okJson(
                    "[{\"results\":[{\"campaign\":{\"id\":\"111\",\"name\":\"Brand DE\"},"
                        + "\"metrics\":{\"clicks\":\"4\",\"impressions\":\"90\","
                        + "\"costMicros\":\"12345678\"},\"segments\":{\"date\":\"2025-03-02\"}}]}]")));
    Files.writeString(
        config(),
        "connections:\n"
            + "  - name: vk\n    source: vk-ads\n    url: "
            + server.baseUrl()
            + "\n    token_env: RT_VK\n    start_date: 2025-03-01\n    end_date: 2025-03-02\n"
            + "  - name: google\n    source: google-ads\n    url: "
            + server.baseUrl()
            + "\n    token_url: "
            + server.baseUrl()
            + "/token\n    customer_id: 123-456-7890\n    login_customer_id: 111-222-3333\n"
            + "    start_date: 2025-03-01\n    end_date: 2025-03-02\n");

    Run sync = sync();

    assertThat(sync.code()).as(sync.err()).isZero();
    // Connections sync in name order (the store lists them so): google, then vk.
    assertThat(sync.out())
        .contains(
            "google: 1 read, 1 kept, 0 quarantined; batch 1;"
                + " next cursor spend:1234567890 through 2025-03-02")
        .contains(
            "vk: 1 read, 1 kept, 0 quarantined; batch 2; next cursor spend through 2025-03-02")
        .doesNotContain(VK_TOKEN)
        .doesNotContain(GOOGLE_REFRESH);
    server.verify(
        getRequestedFor(urlPathEqualTo("/api/v2/statistics/campaigns/day.json"))
            .withQueryParam("date_from", equalTo("2025-03-01"))
            .withQueryParam("date_to", equalTo("2025-03-02"))
            .withHeader("Authorization", equalTo("Bearer " + VK_TOKEN)));
    server.verify(
        postRequestedFor(urlPathEqualTo(stream))
            .withHeader("developer-token", equalTo(GOOGLE_DEVELOPER))
            .withHeader("login-customer-id", equalTo("1112223333"))
            .withRequestBody(containing("BETWEEN '2025-03-01' AND '2025-03-02'")));
    try (EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(db()))) {
      assertThat(new JdbcImportBatches(database.dataSource()).loadAll().spend())
          .extracting(s -> s.channel() + " " + s.utm().campaign() + " " + s.cost())
          .containsExactlyInAnyOrder(
              "vk_ads весна 2025 450.50 RUB", "google_ads brand de 12.35 EUR");
    }
  }

  @Test
  void badDaySettingsAreRefusedByName() throws IOException {
    Files.writeString(
        config(),
        "connections:\n  - name: direct\n    source: yandex-direct\n    token_env: RT_YANDEX\n"
            + "    restatement_days: a week\n");

    Run sync = sync();

    assertThat(sync.code()).isEqualTo(ExitCodes.FAILURE);
    assertThat(sync.err()).contains("restatement_days must be a whole number");
  }
}
