package org.revtrace.ingest.yandexdirect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.connect.AdSource;
import org.revtrace.ingest.connect.CampaignMapping;
import org.revtrace.ingest.connect.DateRange;
import org.revtrace.ingest.connect.Fixtures;
import org.revtrace.ingest.connect.SpendCursor;
import org.revtrace.ingest.connect.SyncBatch;
import org.revtrace.ingest.http.ApiHttp;

class YandexDirectConnectorTest {

  private static final CampaignMapping YANDEX = CampaignMapping.of(AdSource.YANDEX_DIRECT);
  private static final String TOKEN = "y0_secret-token-123";
  private static final String REPORT =
      "Date\tCampaignId\tCampaignName\tImpressions\tClicks\tCost\n"
          + "2025-03-01\t338151\tSpring Sale 2025\t12578\t410\t9210750000\n"
          + "Total rows: 1\n";

  private final WireMockServer server =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());
  private final List<Duration> waits = new ArrayList<>();
  private YandexDirectReports reports;

  @BeforeEach
  void start() {
    server.start();
    ApiHttp http =
        new ApiHttp(
            HttpClient.newHttpClient(),
            waits::add,
            4,
            Duration.ofSeconds(1),
            Duration.ofSeconds(60));
    reports =
        new YandexDirectReports(
            http,
            waits::add,
            URI.create("http://localhost:" + server.port() + "/json/v5/reports"),
            TOKEN,
            "client-login",
            "RUB",
            YANDEX,
            true,
            5);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void reportWithTitleAndSummaryInMicros() {
    ImportResult result =
        YandexDirectReport.parse(
            "campaign-performance.tsv",
            Fixtures.bytes("yandexdirect/campaign-performance.tsv"),
            "RUB",
            true,
            YANDEX);

    assertThat(result.errors()).isEmpty();
    assertThat(Fixtures.rows(result))
        .containsExactly(
            "2025-03-01 yandex_direct yandex/cpc/spring sale 2025 12578 410 9210.75 RUB",
            "2025-03-01 yandex_direct yandex/cpc/brand 100 3 1.23 RUB",
            "2025-03-02 yandex_direct yandex/cpc/spring sale 2025 0 0 0.00 RUB");
  }

  @Test
  void reportWithoutTitleOrSummaryInCurrencyUnits() {
    ImportResult result =
        YandexDirectReport.parse(
            "currency.tsv",
            Fixtures.bytes("yandexdirect/campaign-performance-currency.tsv"),
            "RUB",
            false,
            YANDEX);

    assertThat(result.errors()).isEmpty();
    assertThat(Fixtures.total(result, "RUB").minor()).isEqualTo(921075 + 123);
  }

  @Test
  void malformedRowsAndAShortReportAreReported() {
    ImportResult result =
        YandexDirectReport.parse(
            "bad.tsv",
            Fixtures.bytes("yandexdirect/campaign-performance-bad.tsv"),
            "RUB",
            true,
            YANDEX);

    assertThat(Fixtures.errors(result))
        .containsExactly(
            "3 Cost BAD_NUMBER", "4 Date BAD_DATE", "5  RAGGED_ROW", "7  TOTAL_MISMATCH");
    assertThat(result.errors().get(0).file()).isEqualTo("yandexdirect:bad.tsv");
    assertThat(result.data().spend()).hasSize(1);
    assertThat(result.files().get(0).rowsRead()).isEqualTo(4);
  }

  @Test
  void clientWaitsThrough202And201ThenParsesThe200Report() {
    server.stubFor(
        post("/json/v5/reports")
            .inScenario("build")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(201).withHeader("retryIn", "3"))
            .willSetStateTo("queued"));
    server.stubFor(
        post("/json/v5/reports")
            .inScenario("build")
            .whenScenarioStateIs("queued")
            .willReturn(aResponse().withStatus(202).withHeader("retryIn", "10"))
            .willSetStateTo("ready"));
    server.stubFor(
        post("/json/v5/reports")
            .inScenario("build")
            .whenScenarioStateIs("ready")
            .willReturn(aResponse().withStatus(200).withBody(REPORT)));
    DateRange range = new DateRange(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 1));

    SyncBatch batch =
        reports.sync(SpendCursor.start(AdSource.YANDEX_DIRECT, "client-login"), range);

    assertThat(waits).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(10));
    assertThat(Fixtures.rows(batch.result()))
        .containsExactly(
            "2025-03-01 yandex_direct yandex/cpc/spring sale 2025 12578 410 9210.75 RUB");
    assertThat(batch.next().lastSynced()).isEqualTo(LocalDate.of(2025, 3, 1));
    server.verify(
        3,
        postRequestedFor(urlPathEqualTo("/json/v5/reports"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withHeader("Client-Login", equalTo("client-login"))
            .withHeader("skipReportHeader", equalTo("true"))
            .withRequestBody(containing("\"ReportType\":\"CAMPAIGN_PERFORMANCE_REPORT\""))
            .withRequestBody(containing("\"DateFrom\":\"2025-03-01\"")));
  }

  @Test
  void rateLimitIsRetriedAfterRetryAfter() {
    server.stubFor(
        post("/json/v5/reports")
            .inScenario("limit")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7"))
            .willSetStateTo("ok"));
    server.stubFor(
        post("/json/v5/reports")
            .inScenario("limit")
            .whenScenarioStateIs("ok")
            .willReturn(aResponse().withStatus(200).withBody(REPORT)));

    ImportResult result =
        reports.fetch(new DateRange(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 1)));

    assertThat(waits).containsExactly(Duration.ofSeconds(7));
    assertThat(result.data().spend()).hasSize(1);
  }

  @Test
  void unauthorizedFailsWithoutTheToken() {
    server.stubFor(
        post("/json/v5/reports")
            .willReturn(aResponse().withStatus(401).withBody("{\"error\":{\"error_code\":53}}")));

    assertThatThrownBy(
            () -> reports.fetch(new DateRange(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 1))))
        .hasMessageContaining("401")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
  }

  @Test
  void badRequestNamesTheApiErrorDetail() {
    server.stubFor(
        post("/json/v5/reports")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(Fixtures.text("yandexdirect/error-400.json"))));

    assertThatThrownBy(
            () -> reports.fetch(new DateRange(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 1))))
        .hasMessageContaining("error 4000 Invalid request parameters")
        .hasMessageContaining("Field DateFrom is in the wrong format")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
  }
}
