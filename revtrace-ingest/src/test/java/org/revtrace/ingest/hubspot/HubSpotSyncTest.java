package org.revtrace.ingest.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.StageChange;
import org.revtrace.ingest.canonical.ImportOptions;
import org.revtrace.ingest.connect.SyncCursor;
import org.revtrace.ingest.connect.SyncResult;
import org.revtrace.ingest.http.ApiException;
import org.revtrace.ingest.http.ApiHttp;
import tools.jackson.databind.JsonNode;

/**
 * The client and the sync against a WireMock portal: search paging and cursor, the 10,000-result
 * cap, associations and stage history, 429 with Retry-After, 401 without the token.
 */
class HubSpotSyncTest {

  private static final String TOKEN = "pat-eu1-7f3c2a10-secret-token";
  private static final String PIPELINES =
      """
      {"results":[{"id":"default","label":"Sales Pipeline","displayOrder":0,"stages":[
        {"id":"appointmentscheduled","label":"Appointment Scheduled","displayOrder":0,
         "metadata":{"isClosed":"false","probability":"0.2"}},
        {"id":"contractsent","label":"Contract Sent","displayOrder":4,
         "metadata":{"isClosed":"false","probability":"0.9"}},
        {"id":"closedwon","label":"Closed Won","displayOrder":5,
         "metadata":{"isClosed":"true","probability":"1.0"}},
        {"id":"closedlost","label":"Closed Lost","displayOrder":6,
         "metadata":{"isClosed":"true","probability":"0.0"}}]},
       {"id":"8312","label":"Renewals","displayOrder":1,"stages":[
        {"id":"19876543","label":"Renewal signed","displayOrder":0,
         "metadata":{"isClosed":"true","probability":"1.0"}}]}]}
      """;

  private final WireMockServer server =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());
  private final List<Duration> waits = new ArrayList<>();
  private ApiHttp http;

  @BeforeEach
  void start() {
    server.start();
    http =
        new ApiHttp(
            HttpClient.newHttpClient(),
            waits::add,
            3,
            Duration.ofSeconds(1),
            Duration.ofSeconds(8));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private HubSpotClient client(int pageSize, int cap) {
    return new HubSpotClient(
        http, server.baseUrl(), TOKEN, waits::add, Duration.ofMillis(250), pageSize, cap);
  }

  private static String page(String results, String after) {
    return "{\"total\":99,\"results\":["
        + results
        + "]"
        + (after == null ? "" : ",\"paging\":{\"next\":{\"after\":\"" + after + "\"}}")
        + "}";
  }

  private static String deal(String id, String stage, String amount, String modified) {
    return String.format(
        "{\"id\":\"%s\",\"properties\":{\"amount\":\"%s\",\"deal_currency_code\":\"EUR\","
            + "\"createdate\":\"2025-02-03T09:15:00.000Z\",\"closedate\":\"2025-03-10T12:00:00Z\","
            + "\"dealstage\":\"%s\",\"pipeline\":\"default\",\"hs_lastmodifieddate\":\"%s\","
            + "\"hs_object_id\":\"%s\"},\"createdAt\":\"2025-02-03T09:15:00.000Z\","
            + "\"updatedAt\":\"%s\",\"archived\":false}",
        id, amount, stage, modified, id, modified);
  }

  private static String contact(String id, String modified) {
    return String.format(
        "{\"id\":\"%s\",\"properties\":{\"email\":\"Anna.Petrova@Example.com\","
            + "\"createdate\":\"2025-01-20T08:00:00.000Z\",\"lastmodifieddate\":\"%s\","
            + "\"hs_analytics_source\":\"PAID_SEARCH\","
            + "\"hs_analytics_first_url\":\"https://example.com/pricing?utm_source=Google"
            + "&utm_medium=cpc&utm_campaign=brand%%20eu\","
            + "\"hs_lifecyclestage_marketingqualifiedlead_date\":\"2025-01-25T10:00:00.000Z\"},"
            + "\"createdAt\":\"2025-01-20T08:00:00.000Z\",\"updatedAt\":\"%s\",\"archived\":false}",
        id, modified, modified);
  }

  private void stubPortal() {
    server.stubFor(get(urlPathEqualTo("/crm/v3/pipelines/deals")).willReturn(okJson(PIPELINES)));
    server.stubFor(
        post(urlPathEqualTo("/crm/v3/objects/companies/search"))
            .willReturn(
                okJson(
                    page(
                        "{\"id\":\"5001\",\"properties\":{\"name\":\"Acme GmbH\","
                            + "\"domain\":\"Acme.example\",\"industry\":\"COMPUTER_SOFTWARE\","
                            + "\"numberofemployees\":\"250\",\"country\":\"Germany\","
                            + "\"hs_lastmodifieddate\":\"2025-03-01T10:00:00.000Z\"}}",
                        null))));
    server.stubFor(
        post(urlPathEqualTo("/crm/v3/objects/contacts/search"))
            .willReturn(okJson(page(contact("701", "2025-03-01T11:00:00.000Z"), null))));
    server.stubFor(
        post(urlPathEqualTo("/crm/v3/objects/deals/search"))
            .atPriority(5)
            .willReturn(
                okJson(
                    page(
                        deal("9001", "closedwon", "15000.50", "2025-03-02T10:00:00.000Z")
                            + ","
                            + deal("9002", "contractsent", "800", "2025-03-02T11:00:00.000Z"),
                        "2"))));
    server.stubFor(
        post(urlPathEqualTo("/crm/v3/objects/deals/search"))
            .atPriority(1)
            .withRequestBody(matchingJsonPath("$.after", equalTo("2")))
            .willReturn(
                okJson(
                    page(deal("9003", "19876543", "120.00", "2025-03-02T12:30:00.000Z"), null))));
    server.stubFor(
        post(urlPathEqualTo("/crm/v4/associations/contacts/companies/batch/read"))
            .willReturn(
                okJson(
                    "{\"status\":\"COMPLETE\",\"results\":[{\"from\":{\"id\":\"701\"},\"to\":["
                        + "{\"toObjectId\":5001,\"associationTypes\":[{\"category\":"
                        + "\"HUBSPOT_DEFINED\",\"typeId\":1,\"label\":\"Primary\"}]}]}]}")));
    server.stubFor(
        post(urlPathEqualTo("/crm/v4/associations/deals/contacts/batch/read"))
            .willReturn(
                okJson(
                    "{\"status\":\"COMPLETE\",\"results\":[{\"from\":{\"id\":\"9001\"},\"to\":["
                        + "{\"toObjectId\":701,\"associationTypes\":[{\"category\":"
                        + "\"HUBSPOT_DEFINED\",\"typeId\":3,\"label\":null}]}]}]}")));
    server.stubFor(
        post(urlPathEqualTo("/crm/v4/associations/deals/companies/batch/read"))
            .willReturn(
                okJson(
                    "{\"status\":\"COMPLETE\",\"results\":[{\"from\":{\"id\":\"9001\"},\"to\":["
                        + "{\"toObjectId\":5999,\"associationTypes\":[{\"category\":"
                        + "\"HUBSPOT_DEFINED\",\"typeId\":341,\"label\":null}]},"
                        + "{\"toObjectId\":5001,\"associationTypes\":[{\"category\":"
                        + "\"HUBSPOT_DEFINED\",\"typeId\":5,\"label\":\"Primary\"}]}]}]}")));
    server.stubFor(
        post(urlPathEqualTo("/crm/v3/objects/deals/batch/read"))
            .willReturn(
                okJson(
                    "{\"status\":\"COMPLETE\",\"results\":[{\"id\":\"9001\",\"properties\":"
                        + "{\"dealstage\":\"closedwon\"},\"propertiesWithHistory\":{\"dealstage\":["
                        + "{\"value\":\"closedwon\",\"timestamp\":\"2025-03-02T10:00:00.000Z\","
                        + "\"sourceType\":\"CRM_UI\",\"sourceId\":\"userId:123\"},"
                        + "{\"value\":\"appointmentscheduled\",\"timestamp\":"
                        + "\"2025-02-03T09:15:00.000Z\",\"sourceType\":\"CRM_UI\"}]}}]}")));
  }

  private HubSpotSync sync(HubSpotClient client) {
    return new HubSpotSync(
        client,
        new HubSpotMapping(HubSpotStages.defaults(), "USD", ImportOptions.defaults()),
        HubSpotStages.defaults());
  }

  @Test
  void readsEveryPageMapsAssociationsAndHistoryAndTheNextSyncSearchesFromTheCursor() {
    stubPortal();
    SyncResult first = sync(client(2, 10_000)).sync(List.of());

    assertThat(first.result().errors()).isEmpty();
    assertThat(first.result().data().deals())
        .extracting(Deal::id, Deal::status, Deal::stage, Deal::amount, Deal::accountId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "9001", DealStatus.WON, "won", new Money(1_500_050, "EUR"), "5001"),
            org.assertj.core.groups.Tuple.tuple(
                "9002", DealStatus.OPEN, "negotiation", new Money(80_000, "EUR"), null),
            org.assertj.core.groups.Tuple.tuple(
                "9003", DealStatus.WON, "won", new Money(12_000, "EUR"), null));
    Deal won = first.result().data().deals().get(0);
    assertThat(won.contactId()).isEqualTo("701");
    assertThat(won.leadId()).isEqualTo("701");
    assertThat(won.closedAt()).isEqualTo(Instant.parse("2025-03-10T12:00:00Z"));
    assertThat(first.result().data().deals().get(1).closedAt()).as("open: planned date").isNull();
    assertThat(first.result().data().stageChanges())
        .extracting(StageChange::dealId, StageChange::stage, StageChange::enteredAt)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "9001", "won", Instant.parse("2025-03-02T10:00:00Z")),
            org.assertj.core.groups.Tuple.tuple(
                "9001", "meeting", Instant.parse("2025-02-03T09:15:00Z")));
    Lead lead = first.result().data().leads().get(0);
    assertThat(lead.channel()).isEqualTo("paid_search");
    assertThat(lead.utm().source()).isEqualTo("google");
    assertThat(lead.utm().campaign()).isEqualTo("brand eu");
    assertThat(lead.accountId()).isEqualTo("5001");
    assertThat(lead.mqlAt()).isEqualTo(Instant.parse("2025-01-25T10:00:00Z"));
    assertThat(first.result().data().accounts().get(0).domain()).isEqualTo("acme.example");

    SyncCursor deals = first.cursor(HubSpotSync.SOURCE, "deals");
    assertThat(deals.modifiedAt()).isEqualTo(Instant.parse("2025-03-02T12:30:00Z"));
    assertThat(deals.lastId()).isEqualTo("9003");
    server.verify(
        postRequestedFor(urlPathEqualTo("/crm/v3/objects/deals/search"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withRequestBody(
                equalToJson(
                    "{\"sorts\":[{\"propertyName\":\"hs_lastmodifieddate\","
                        + "\"direction\":\"ASCENDING\"}],\"limit\":2}",
                    true,
                    true)));
    server.verify(
        postRequestedFor(urlPathEqualTo("/crm/v3/objects/deals/batch/read"))
            .withRequestBody(
                equalToJson(
                    "{\"propertiesWithHistory\":[\"dealstage\"],"
                        + "\"inputs\":[{\"id\":\"9001\"},{\"id\":\"9002\"},{\"id\":\"9003\"}]}",
                    true,
                    true)));
    // pipelines, 3 searches (one of two pages), 3 association reads, history: spaced.
    assertThat(waits).hasSize(8).containsOnly(Duration.ofMillis(250));

    server.resetRequests();
    sync(client(2, 10_000)).sync(first.cursors());
    server.verify(
        postRequestedFor(urlPathEqualTo("/crm/v3/objects/deals/search"))
            .withRequestBody(
                matchingJsonPath(
                    "$.filterGroups[0].filters[0]",
                    equalToJson(
                        "{\"propertyName\":\"hs_lastmodifieddate\",\"operator\":\"GTE\","
                            + "\"value\":\""
                            + Instant.parse("2025-03-02T12:30:00Z").toEpochMilli()
                            + "\"}"))));
    server.verify(
        postRequestedFor(urlPathEqualTo("/crm/v3/objects/contacts/search"))
            .withRequestBody(
                matchingJsonPath(
                    "$.filterGroups[0].filters[0].propertyName", equalTo("lastmodifieddate"))));
  }

  private static String company(int id) {
    return String.format(
        "{\"id\":\"%d\",\"properties\":{\"name\":\"c%d\",\"hs_lastmodifieddate\":"
            + "\"2025-03-01T10:00:0%d.000Z\"}}",
        id, id, id);
  }

  @Test
  void theSearchRestartsFromTheLastModificationTimeBeforeTheResultCap() {
    String path = "/crm/v3/objects/companies/search";
    long fourth = Instant.parse("2025-03-01T10:00:04Z").toEpochMilli();
    // Cap 4, pages of 2: the third page (after=4) would pass the cap, so the search restarts.
    server.stubFor(
        post(urlPathEqualTo(path))
            .atPriority(5)
            .willReturn(okJson(page(company(1) + "," + company(2), "2"))));
    server.stubFor(
        post(urlPathEqualTo(path))
            .atPriority(3)
            .withRequestBody(matchingJsonPath("$.after", equalTo("2")))
            .willReturn(okJson(page(company(3) + "," + company(4), "4"))));
    server.stubFor(
        post(urlPathEqualTo(path))
            .atPriority(1)
            .withRequestBody(
                matchingJsonPath("$.filterGroups[0].filters[0].value", equalTo("" + fourth)))
            .willReturn(okJson(page(company(4) + "," + company(5), null))));

    List<JsonNode> records =
        client(2, 4).search("companies", "hs_lastmodifieddate", null, List.of("name"));

    assertThat(records)
        .extracting(r -> r.get("id").asString())
        .containsExactly("1", "2", "3", "4", "5");
    server.verify(3, postRequestedFor(urlPathEqualTo(path)));
    server.verify(
        0,
        postRequestedFor(urlPathEqualTo(path))
            .withRequestBody(matchingJsonPath("$.after", equalTo("4"))));
  }

  @Test
  void moreRecordsInOneMillisecondThanTheCapFailInsteadOfLooping() {
    String same =
        "{\"id\":\"%d\",\"properties\":{\"hs_lastmodifieddate\":\"2025-03-01T10:00:00.000Z\"}}";
    server.stubFor(
        post(urlPathEqualTo("/crm/v3/objects/deals/search"))
            .willReturn(okJson(page(String.format(same, 1) + "," + String.format(same, 2), "2"))));

    assertThatThrownBy(
            () ->
                client(2, 2)
                    .search(
                        "deals",
                        "hs_lastmodifieddate",
                        Instant.parse("2025-03-01T10:00:00Z"),
                        List.of()))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("more than 2 records modified at 2025-03-01T10:00:00Z");
  }

  @Test
  void rateLimitsAreRetriedAfterTheirRetryAfter() {
    server.stubFor(
        get(urlPathEqualTo("/crm/v3/pipelines/deals"))
            .inScenario("limit")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "3")
                    .withBody(
                        "{\"status\":\"error\",\"message\":\"You have reached your secondly"
                            + " limit.\",\"errorType\":\"RATE_LIMIT\",\"policyName\":\"SECONDLY\"}"))
            .willSetStateTo("open"));
    server.stubFor(
        get(urlPathEqualTo("/crm/v3/pipelines/deals"))
            .inScenario("limit")
            .whenScenarioStateIs("open")
            .willReturn(okJson(PIPELINES)));

    JsonNode answer = client(200, 10_000).get("/crm/v3/pipelines/deals");

    assertThat(HubSpotStages.defaults().withPipelines(answer).size()).isEqualTo(5);
    assertThat(waits).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void anUnauthorizedAnswerDoesNotCarryTheToken() {
    server.stubFor(
        post(urlPathEqualTo("/crm/v3/objects/contacts/search"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"status\":\"error\",\"message\":\"Authentication credentials not"
                            + " found.\",\"category\":\"INVALID_AUTHENTICATION\"}")));

    assertThatThrownBy(
            () -> client(200, 10_000).search("contacts", "lastmodifieddate", null, List.of()))
        .isInstanceOf(ApiException.class)
        .satisfies(
            e -> {
              assertThat(e.getMessage()).contains("/crm/v3/objects/contacts/search", "401");
              assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain("Bearer");
            });
  }
}
