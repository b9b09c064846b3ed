package org.revtrace.ingest.yandexdirect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.Spend;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.connect.AdSource;
import org.revtrace.ingest.connect.CampaignMapping;
import org.revtrace.ingest.connect.DateRange;
import org.revtrace.ingest.connect.Fixtures;
import org.revtrace.ingest.http.ApiHttp;

/** Yandex Direct's {@code Conversions} fill the platform-reported conversions of spend rows. */
class YandexDirectConversionsTest {

  private static final CampaignMapping YANDEX = CampaignMapping.of(AdSource.YANDEX_DIRECT);

  @Test
  void theConversionsColumnFillsEachRowAndDashIsZero() {
    ImportResult result =
        YandexDirectReport.parse(
            "conversions.tsv",
            Fixtures.bytes("yandexdirect/campaign-performance-conversions.tsv"),
            "RUB",
            true,
            YANDEX);

    assertThat(result.errors()).isEmpty();
    assertThat(result.data().spend())
        .extracting(spend -> spend.utm().campaign(), Spend::clicks, Spend::conversions)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("spring sale 2025", 410L, new BigDecimal("17.00")),
            org.assertj.core.groups.Tuple.tuple("brand", 3L, new BigDecimal("0.00")),
            org.assertj.core.groups.Tuple.tuple("spring sale 2025", 30L, new BigDecimal("2.00")));
  }

  @Test
  void goalColumnsAreAddedUpAndABadOneRejectsItsRow() {
    ImportResult result =
        YandexDirectReport.parse(
            "goals.tsv",
            Fixtures.bytes("yandexdirect/campaign-performance-goals.tsv"),
            "RUB",
            true,
            YANDEX);

    assertThat(Fixtures.errors(result)).containsExactly("3 Conversions_20002_LSC BAD_NUMBER");
    assertThat(result.errors().get(0).code()).isEqualTo(ErrorCode.BAD_NUMBER);
    assertThat(result.data().spend()).hasSize(1);
    assertThat(result.data().spend().get(0).conversions()).isEqualByComparingTo("4");
  }

  @Test
  void aReportWithoutConversionsLeavesThemUnreported() {
    ImportResult result =
        YandexDirectReport.parse(
            "plain.tsv",
            Fixtures.bytes("yandexdirect/campaign-performance.tsv"),
            "RUB",
            true,
            YANDEX);

    assertThat(result.data().spend()).extracting(Spend::conversions).containsOnlyNulls();
  }

  @Test
  void theClientAsksForConversionsAndKeepsThem() {
    WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    server.start();
    try {
      server.stubFor(
          post("/json/v5/reports")
              .willReturn(
                  aResponse()
                      .withStatus(200)
                      .withBody(
                          new String(
                              Fixtures.bytes("yandexdirect/campaign-performance-conversions.tsv"),
                              java.nio.charset.StandardCharsets.UTF_8))));
      ApiHttp http =
          new ApiHttp(
              HttpClient.newHttpClient(),
              duration -> {},
              2,
              Duration.ofSeconds(1),
              Duration.ofSeconds(5));
      YandexDirectReports reports =
          new YandexDirectReports(
              http,
              duration -> {},
              URI.create("http://localhost:" + server.port() + "/json/v5/reports"),
              "y0_token",
              null,
              "RUB",
              YANDEX,
              false,
              1);

      ImportResult result =
          reports.fetch(new DateRange(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 2)));

      server.verify(
          postRequestedFor(urlPathEqualTo("/json/v5/reports"))
              .withRequestBody(containing("\"Conversions\"")));
      assertThat(result.data().spend())
          .extracting(Spend::conversions)
          .containsExactly(new BigDecimal("17.00"), new BigDecimal("0.00"), new BigDecimal("2.00"));
    } finally {
      server.stop();
    }
  }
}
