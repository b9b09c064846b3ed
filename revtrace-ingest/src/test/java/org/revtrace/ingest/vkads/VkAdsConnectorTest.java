package org.revtrace.ingest.vkads;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.connect.AdSource;
import org.revtrace.ingest.connect.CampaignMapping;
import org.revtrace.ingest.connect.DateRange;
import org.revtrace.ingest.connect.Fixtures;
import org.revtrace.ingest.http.ApiHttp;

class VkAdsConnectorTest {

  private static final CampaignMapping VK = CampaignMapping.of(AdSource.VK_ADS);
  private static final String TOKEN = "vk-secret-token-456";

  private final WireMockServer server =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());
  private final List<Duration> waits = new ArrayList<>();
  private VkAdsStatisticsClient client;

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
    client =
        new VkAdsStatisticsClient(
            http, URI.create("http://localhost:" + server.port()), TOKEN, "RUB", VK, 2);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void statisticsRowsBecomeSpendAndReconcileWithItemTotals() {
    ImportResult result =
        VkAdsStatistics.parse(
            "day.json",
            Fixtures.text("vkads/statistics-day.json"),
            "RUB",
            VK,
            Map.of("101", "Весна 2025"));

    assertThat(result.errors()).isEmpty();
    assertThat(Fixtures.rows(result))
        .containsExactly(
            "2025-03-01 vk_ads vk/cpc/весна 2025 1500 30 450.50 RUB",
            "2025-03-02 vk_ads vk/cpc/весна 2025 0 0 0.00 RUB",
            "2025-03-01 vk_ads vk/cpc/102 200 4 99.99 RUB");
    assertThat(Fixtures.total(result, "RUB").minor()).isEqualTo(55049);
  }

  @Test
  void clientPagesCampaignsChunksDatesAndRetriesRateLimits() {
    server.stubFor(
        get(urlPathEqualTo("/api/v2/campaigns.json"))
            .withQueryParam("offset", equalTo("0"))
            .willReturn(okJson(Fixtures.text("vkads/campaigns.json"))));
    server.stubFor(
        get(urlPathEqualTo("/api/v2/campaigns.json"))
            .withQueryParam("offset", equalTo("2"))
            .willReturn(okJson(Fixtures.text("vkads/campaigns-page2.json"))));
    server.stubFor(
        get(urlPathEqualTo("/api/v2/statistics/campaigns/day.json"))
            .withQueryParam("date_from", equalTo("2025-03-01"))
            .inScenario("limit")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2"))
            .willSetStateTo("ok"));
    server.stubFor(
        get(urlPathEqualTo("/api/v2/statistics/campaigns/day.json"))
            .withQueryParam("date_from", equalTo("2025-03-01"))
            .inScenario("limit")
            .whenScenarioStateIs("ok")
            .willReturn(okJson(Fixtures.text("vkads/statistics-day.json"))));
    server.stubFor(
        get(urlPathEqualTo("/api/v2/statistics/campaigns/day.json"))
            .withQueryParam("date_from", equalTo("2025-03-03"))
            .willReturn(okJson("{\"items\":[],\"total\":{\"base\":{\"spent\":\"0\"}}}")));

    ImportResult result =
        client.fetch(new DateRange(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 3)));

    assertThat(waits).containsExactly(Duration.ofSeconds(2));
    assertThat(Fixtures.rows(result))
        .containsExactly(
            "2025-03-01 vk_ads vk/cpc/весна 2025 1500 30 450.50 RUB",
            "2025-03-02 vk_ads vk/cpc/весна 2025 0 0 0.00 RUB",
            "2025-03-01 vk_ads vk/cpc/retargeting 200 4 99.99 RUB");
    server.verify(
        2,
        getRequestedFor(urlPathEqualTo("/api/v2/statistics/campaigns/day.json"))
            .withQueryParam("id", equalTo("101,102,103"))
            .withQueryParam("date_to", equalTo("2025-03-02"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
  }

  @Test
  void unauthorizedFailsWithoutTheToken() {
    server.stubFor(
        get(urlPathEqualTo("/api/v2/campaigns.json"))
            .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"invalid_token\"}")));

    assertThatThrownBy(
            () -> client.fetch(new DateRange(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 1))))
        .hasMessageContaining("401")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
  }
}
