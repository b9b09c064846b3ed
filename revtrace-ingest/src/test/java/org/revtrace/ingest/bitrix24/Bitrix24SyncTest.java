package org.revtrace.ingest.bitrix24;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revtrace.core.model.Deal;
import org.revtrace.ingest.canonical.ImportOptions;
import org.revtrace.ingest.connect.CrmExamples;
import org.revtrace.ingest.connect.SyncCursor;
import org.revtrace.ingest.connect.SyncResult;
import org.revtrace.ingest.http.ApiException;
import org.revtrace.ingest.http.ApiHttp;

/** The client and the sync against a WireMock portal: paging, cursor, retries, secrets. */
class Bitrix24SyncTest {

  private static final String TOKEN = "q7xk2secrettoken9";
  private static final String HOOK = "/rest/1/" + TOKEN + "/";

  private final WireMockServer server =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());
  private final List<Duration> waits = new ArrayList<>();
  private Bitrix24Client client;

  @BeforeEach
  void start() {
    server.start();
    ApiHttp http =
        new ApiHttp(
            HttpClient.newHttpClient(),
            waits::add,
            3,
            Duration.ofSeconds(1),
            Duration.ofSeconds(8));
    client =
        Bitrix24Client.webhook(http, server.baseUrl() + HOOK, waits::add, Duration.ofMillis(500));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private static String dealsPage(int from, int to, Integer next) {
    StringBuilder json = new StringBuilder("{\"result\":[");
    for (int id = from; id <= to; id++) {
      if (id > from) {
        json.append(',');
      }
      json.append(
          String.format(
              "{\"ID\":\"%d\",\"STAGE_ID\":\"C1:NEW\",\"OPPORTUNITY\":\"%d.50\",\"CURRENCY_ID\":\"RUB\","
                  + "\"DATE_CREATE\":\"2025-03-01T10:00:00+03:00\","
                  + "\"DATE_MODIFY\":\"2025-03-01T10:%02d:%02d+03:00\"}",
              id, id, id / 60, id % 60));
    }
    json.append("],");
    if (next != null) {
      json.append("\"next\":").append(next).append(',');
    }
    return json.append("\"total\":").append(to - 0).append("}").toString();
  }

  private void stubEmpty(String method) {
    server.stubFor(
        get(urlPathEqualTo(HOOK + method + ".json")).willReturn(okJson(emptyFor(method))));
  }

  private static String emptyFor(String method) {
    return method.equals("crm.stagehistory.list")
        ? "{\"result\":{\"items\":[]},\"total\":0}"
        : "{\"result\":[],\"total\":0}";
  }

  @Test
  void readsEveryPageUntilNextIsAbsentAndTheSecondSyncFiltersFromTheFirstMaximum() {
    stubEmpty("crm.company.list");
    stubEmpty("crm.contact.list");
    stubEmpty("crm.lead.list");
    server.stubFor(
        get(urlPathEqualTo(HOOK + "crm.stagehistory.list.json"))
            .willReturn(okJson(CrmExamples.text("bitrix24/crm.stagehistory.list.response.json"))));
    String deals = HOOK + "crm.deal.list.json";
    server.stubFor(
        get(urlPathEqualTo(deals))
            .withQueryParam("start", equalTo("0"))
            .withQueryParam("filter[>=DATE_MODIFY]", absent())
            .willReturn(okJson(dealsPage(1, 50, 50))));
    server.stubFor(
        get(urlPathEqualTo(deals))
            .withQueryParam("start", equalTo("50"))
            .willReturn(okJson(dealsPage(51, 100, 100))));
    server.stubFor(
        get(urlPathEqualTo(deals))
            .withQueryParam("start", equalTo("100"))
            .willReturn(okJson(dealsPage(101, 120, null))));

    Bitrix24Sync sync =
        new Bitrix24Sync(
            client, new Bitrix24Mapping(Bitrix24Stages.defaults(), ImportOptions.defaults()));
    SyncResult first = sync.sync(List.of());

    assertThat(first.result().errors()).isEmpty();
    assertThat(first.result().data().deals()).hasSize(120);
    assertThat(first.result().data().deals().get(119).amount().minor()).isEqualTo(12_050);
    assertThat(first.result().data().stageChanges()).hasSize(1);
    SyncCursor dealCursor = first.cursor(Bitrix24Sync.SOURCE, "crm.deal.list");
    // Deal 120 was modified last: 10:02:00 +03:00.
    assertThat(dealCursor.modifiedAt()).isEqualTo(Instant.parse("2025-03-01T07:02:00Z"));
    assertThat(dealCursor.lastId()).isEqualTo("120");
    assertThat(first.cursor(Bitrix24Sync.SOURCE, "crm.stagehistory.list").modifiedAt())
        .isEqualTo(Instant.parse("2024-04-25T14:59:11Z"));
    assertThat(first.cursor(Bitrix24Sync.SOURCE, "crm.lead.list").isInitial()).isTrue();
    // 7 requests, spaced to keep to 2 per second.
    assertThat(waits).hasSize(6).containsOnly(Duration.ofMillis(500));

    server.stubFor(
        get(urlPathEqualTo(deals))
            .withQueryParam("filter[>=DATE_MODIFY]", equalTo("2025-03-01T07:02:00+00:00"))
            .willReturn(okJson(dealsPage(120, 120, null))));
    SyncResult second = sync.sync(first.cursors());

    assertThat(second.result().data().deals()).extracting(Deal::id).containsExactly("120");
    server.verify(
        getRequestedFor(urlPathEqualTo(deals))
            .withQueryParam("filter[>=DATE_MODIFY]", equalTo("2025-03-01T07:02:00+00:00"))
            .withQueryParam("order[ID]", equalTo("ASC"))
            .withQueryParam("start", equalTo("0")));
    server.verify(
        getRequestedFor(urlPathEqualTo(HOOK + "crm.stagehistory.list.json"))
            .withQueryParam("filter[>=CREATED_TIME]", equalTo("2024-04-25T14:59:11+00:00"))
            .withQueryParam("entityTypeId", equalTo("2")));
    assertThat(second.cursor(Bitrix24Sync.SOURCE, "crm.deal.list")).isEqualTo(dealCursor);
  }

  @Test
  void queryLimitExceededIsRetriedWithBackoff() {
    String deals = HOOK + "crm.deal.list.json";
    server.stubFor(
        get(urlPathEqualTo(deals))
            .inScenario("limit")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withBody(
                        "{\"error\":\"QUERY_LIMIT_EXCEEDED\",\"error_description\":\"Too many requests\"}"))
            .willSetStateTo("open"));
    server.stubFor(
        get(urlPathEqualTo(deals))
            .inScenario("limit")
            .whenScenarioStateIs("open")
            .willReturn(okJson(dealsPage(1, 2, null))));

    assertThat(client.list("crm.deal.list", java.util.Map.of())).hasSize(2);
    assertThat(waits).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void anUnauthorizedAnswerNamesTheMethodButNotTheToken() {
    server.stubFor(
        get(urlPathMatching(HOOK + ".*"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"error\":\"INVALID_CREDENTIALS\",\"error_description\":\"Invalid request credentials\"}")));

    assertThatThrownBy(() -> client.list("crm.deal.list", java.util.Map.of()))
        .isInstanceOf(ApiException.class)
        .satisfies(
            e -> {
              assertThat(e.getMessage())
                  .contains("crm.deal.list")
                  .contains("401")
                  .contains("INVALID_CREDENTIALS")
                  .doesNotContain(TOKEN);
              assertThat(e.getCause()).isNull();
              assertThat(((ApiException) e).status()).isEqualTo(401);
            });
  }

  @Test
  void anErrorInASuccessfulAnswerIsAnOutageWithoutTheToken() {
    server.stubFor(
        get(urlPathMatching(HOOK + ".*"))
            .willReturn(okJson("{\"error\":\"ACCESS_DENIED\",\"error_description\":\"no\"}")));

    assertThatThrownBy(() -> client.list("crm.deal.list", java.util.Map.of()))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("ACCESS_DENIED")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
  }

  @Test
  void anOauthTokenTravelsAsAuthAndNeverReachesTheMessage() {
    ApiHttp http =
        new ApiHttp(
            HttpClient.newHttpClient(),
            waits::add,
            1,
            Duration.ofSeconds(1),
            Duration.ofSeconds(1));
    Bitrix24Client oauth =
        Bitrix24Client.oauth(http, server.baseUrl() + "/", TOKEN, waits::add, Duration.ZERO);
    server.stubFor(
        get(urlPathEqualTo("/rest/crm.deal.list.json"))
            .withQueryParam("auth", equalTo(TOKEN))
            .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"expired_token\"}")));

    assertThatThrownBy(() -> oauth.list("crm.deal.list", java.util.Map.of()))
        .satisfies(e -> assertThat(e.getMessage()).contains("expired_token").doesNotContain(TOKEN));
  }

  @Test
  void aMalformedWebhookUrlIsRejectedWithoutEchoingIt() {
    assertThatThrownBy(
            () ->
                Bitrix24Client.webhook(
                    null, "https://portal.bitrix24.ru/" + TOKEN, waits::add, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
  }
}
