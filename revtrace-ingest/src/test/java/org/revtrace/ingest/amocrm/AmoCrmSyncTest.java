package org.revtrace.ingest.amocrm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/** The client and the sync against a WireMock account: paging, 204, cursor, retries, secrets. */
class AmoCrmSyncTest {

  private static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.longlived";

  private final WireMockServer server =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());
  private final List<Duration> waits = new ArrayList<>();
  private AmoCrmClient client;

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
    client = new AmoCrmClient(http, server.baseUrl(), TOKEN, waits::add, Duration.ofMillis(150));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private String leadsPage(int page, int from, int to, boolean more) {
    StringBuilder json = new StringBuilder("{\"_page\":" + page + ",\"_links\":{");
    json.append("\"self\":{\"href\":\"")
        .append(server.baseUrl())
        .append("/api/v4/leads?limit=250&page=")
        .append(page)
        .append("\"}");
    if (more) {
      json.append(",\"next\":{\"href\":\"")
          .append(server.baseUrl())
          .append("/api/v4/leads?limit=250&page=")
          .append(page + 1)
          .append("\"}");
    }
    json.append("},\"_embedded\":{\"leads\":[");
    for (int id = from; id <= to; id++) {
      json.append(id > from ? "," : "")
          .append(
              String.format(
                  "{\"id\":%d,\"price\":%d,\"status_id\":32392159,\"pipeline_id\":3177727,"
                      + "\"created_at\":1740812400,\"updated_at\":%d}",
                  id, id * 100, 1740812400 + id));
    }
    return json.append("]}}").toString();
  }

  @Test
  void followsNextLinksAndTheSecondSyncFiltersFromTheFirstMaximum() {
    server.stubFor(
        get(urlPathEqualTo("/api/v4/leads/pipelines"))
            .willReturn(okJson(CrmExamples.text("amocrm/api_v4_leads_pipelines.response.json"))));
    server.stubFor(
        get(urlPathEqualTo("/api/v4/companies")).willReturn(aResponse().withStatus(204)));
    server.stubFor(
        get(urlPathEqualTo("/api/v4/contacts"))
            .willReturn(
                okJson(
                    CrmExamples.text("amocrm/api_v4_contacts.response.json")
                        .replace(
                            "https://example.amocrm.ru/api/v4/contacts?limit=2&page=2",
                            server.baseUrl() + "/api/v4/contacts?page=2"))));
    server.stubFor(
        get(urlPathEqualTo("/api/v4/contacts"))
            .withQueryParam("page", equalTo("2"))
            .willReturn(aResponse().withStatus(204)));
    server.stubFor(
        get(urlPathEqualTo("/api/v4/leads"))
            .withQueryParam("page", absent())
            .withQueryParam("filter[updated_at][from]", absent())
            .willReturn(okJson(leadsPage(1, 1, 250, true))));
    server.stubFor(
        get(urlPathEqualTo("/api/v4/leads"))
            .withQueryParam("page", equalTo("2"))
            .willReturn(okJson(leadsPage(2, 251, 300, false))));

    AmoCrmSync sync =
        new AmoCrmSync(
            client,
            new AmoCrmMapping(AmoCrmStatuses.defaults(), "RUB", ImportOptions.defaults()),
            AmoCrmStatuses.defaults());
    SyncResult first = sync.sync(List.of());

    assertThat(first.result().errors()).isEmpty();
    assertThat(first.result().data().deals()).hasSize(300);
    assertThat(first.result().data().deals().get(0).stage()).isEqualTo("sql");
    assertThat(first.result().data().contacts()).hasSize(2);
    SyncCursor leads = first.cursor(AmoCrmSync.SOURCE, "leads");
    assertThat(leads.modifiedAt()).isEqualTo(Instant.ofEpochSecond(1740812700));
    assertThat(leads.lastId()).isEqualTo("300");
    assertThat(first.cursor(AmoCrmSync.SOURCE, "companies").isInitial()).isTrue();
    server.verify(
        getRequestedFor(urlPathEqualTo("/api/v4/leads"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withQueryParam("with", equalTo("contacts"))
            .withQueryParam("limit", equalTo("250")));
    // pipelines, companies, contacts ×2, leads ×2: spaced to stay under 7 per second.
    assertThat(waits).hasSize(5).containsOnly(Duration.ofMillis(150));

    server.stubFor(
        get(urlPathEqualTo("/api/v4/leads"))
            .withQueryParam("filter[updated_at][from]", equalTo("1740812700"))
            .willReturn(okJson(leadsPage(1, 300, 300, false))));
    SyncResult second = sync.sync(first.cursors());

    assertThat(second.result().data().deals()).extracting(Deal::id).containsExactly("300");
    assertThat(second.cursor(AmoCrmSync.SOURCE, "leads")).isEqualTo(leads);
  }

  @Test
  void rateLimitsAreRetried() {
    server.stubFor(
        get(urlPathEqualTo("/api/v4/leads"))
            .inScenario("limit")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2"))
            .willSetStateTo("open"));
    server.stubFor(
        get(urlPathEqualTo("/api/v4/leads"))
            .inScenario("limit")
            .whenScenarioStateIs("open")
            .willReturn(okJson(leadsPage(1, 1, 3, false))));

    assertThat(client.list("/api/v4/leads", "leads", Map.of())).hasSize(3);
    assertThat(waits).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void anEmptyListIsNoContent() {
    server.stubFor(get(urlPathEqualTo("/api/v4/leads")).willReturn(aResponse().withStatus(204)));

    assertThat(client.list("/api/v4/leads", "leads", Map.of())).isEmpty();
  }

  @Test
  void anUnauthorizedAnswerDoesNotCarryTheToken() {
    server.stubFor(
        get(urlPathEqualTo("/api/v4/leads"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"title\":\"Unauthorized\",\"type\":\"https://httpstatus.es/401\",\"status\":401,\"detail\":\"Unauthorized\"}")));

    assertThatThrownBy(() -> client.list("/api/v4/leads", "leads", Map.of("with", "contacts")))
        .isInstanceOf(ApiException.class)
        .satisfies(
            e -> {
              assertThat(e.getMessage()).contains("/api/v4/leads").contains("401");
              assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain("Bearer");
            });
  }

  @Test
  void aNextLinkToAnotherHostIsRefusedSoTheTokenStaysHome() {
    server.stubFor(
        get(urlPathEqualTo("/api/v4/leads"))
            .willReturn(
                okJson(
                    "{\"_links\":{\"next\":{\"href\":\"https://evil.example/api/v4/leads?page=2\"}},"
                        + "\"_embedded\":{\"leads\":[]}}")));

    assertThatThrownBy(() -> client.list("/api/v4/leads", "leads", Map.of()))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("another host");
    server.verify(1, getRequestedFor(urlPathEqualTo("/api/v4/leads")));
  }
}
