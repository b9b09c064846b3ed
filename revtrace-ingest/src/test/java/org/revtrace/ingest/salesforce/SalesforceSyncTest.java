package org.revtrace.ingest.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

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

/**
 * The client and the sync against a WireMock org: SOQL with the cursor, {@code nextRecordsUrl}
 * paging, lead conversions, token refresh on {@code INVALID_SESSION_ID}, {@code
 * REQUEST_LIMIT_EXCEEDED} backoff, messages without secrets.
 */
class SalesforceSyncTest {

  private static final String TOKEN = "00D5g000004XyZ!AQ4AQexpiredaccesstoken";
  private static final String FRESH = "00D5g000004XyZ!AQ4AQfreshaccesstoken";
  private static final String REFRESH = "5Aep861refreshtokenvalue";
  private static final String SECRET = "C0nsumerSecret99";
  private static final String QUERY = "/services/data/v60.0/query";
  private static final String EXPIRED =
      "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]";
  private static final String LIMIT =
      "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]";

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

  private SalesforceClient client(SalesforceClient.Refresh refresh) {
    return new SalesforceClient(
        http,
        server.baseUrl(),
        TOKEN,
        refresh,
        waits::add,
        Duration.ZERO,
        Duration.ofSeconds(30),
        2);
  }

  private static String records(String type, String nextUrl, String... records) {
    StringBuilder json =
        new StringBuilder("{\"totalSize\":" + records.length + ",\"done\":" + (nextUrl == null));
    if (nextUrl != null) {
      json.append(",\"nextRecordsUrl\":\"").append(nextUrl).append('"');
    }
    json.append(",\"records\":[");
    for (int i = 0; i < records.length; i++) {
      json.append(i > 0 ? "," : "")
          .append("{\"attributes\":{\"type\":\"")
          .append(type)
          .append("\",\"url\":\"/services/data/v60.0/sobjects/")
          .append(type)
          .append("/x\"},")
          .append(records[i])
          .append('}');
    }
    return json.append("]}").toString();
  }

  private static String opportunity(
      String id, String stage, boolean closed, boolean won, String modstamp) {
    return String.format(
        "\"Id\":\"%s\",\"AccountId\":\"001Dn00000AcmeAAA\",\"Amount\":15000.5,"
            + "\"CurrencyIsoCode\":\"EUR\",\"StageName\":\"%s\",\"IsClosed\":%s,\"IsWon\":%s,"
            + "\"CloseDate\":\"2025-03-15\",\"CreatedDate\":\"2025-02-01T09:30:00.000+0000\","
            + "\"LeadSource\":\"Web\",\"SystemModstamp\":\"%s\"",
        id, stage, closed, won, modstamp);
  }

  private void stubOrg() {
    server.stubFor(
        get(urlPathEqualTo("/services/data/v60.0/sobjects/Opportunity/describe"))
            .willReturn(
                okJson(
                    "{\"name\":\"Opportunity\",\"fields\":[{\"name\":\"Id\"},{\"name\":\"Amount\"},"
                        + "{\"name\":\"CurrencyIsoCode\"}]}")));
    server.stubFor(
        get(urlPathEqualTo(QUERY))
            .withQueryParam("q", containing("FROM Account"))
            .willReturn(
                okJson(
                    records(
                        "Account",
                        null,
                        "\"Id\":\"001Dn00000AcmeAAA\",\"Name\":\"Acme\","
                            + "\"Website\":\"https://www.Acme.example/about\",\"Industry\":"
                            + "\"Technology\",\"NumberOfEmployees\":250,\"BillingCountry\":"
                            + "\"Germany\",\"SystemModstamp\":\"2025-03-01T08:00:00.000+0000\""))));
    server.stubFor(
        get(urlPathEqualTo(QUERY))
            .withQueryParam("q", containing("FROM Contact"))
            .willReturn(okJson(records("Contact", null))));
    server.stubFor(
        get(urlPathEqualTo(QUERY))
            .atPriority(5)
            .withQueryParam("q", containing("FROM Lead "))
            .willReturn(
                okJson(
                    records(
                        "Lead",
                        null,
                        "\"Id\":\"00QDn00000Lead1AAA\",\"CreatedDate\":"
                            + "\"2025-01-20T08:00:00.000+0000\",\"Email\":\"a@example.com\","
                            + "\"LeadSource\":\"Partner Referral\",\"Status\":\"Closed - Converted\","
                            + "\"IsConverted\":true,\"ConvertedDate\":\"2025-02-01\","
                            + "\"ConvertedContactId\":\"003Dn00000Cont1AAA\","
                            + "\"ConvertedAccountId\":\"001Dn00000AcmeAAA\","
                            + "\"ConvertedOpportunityId\":\"006Dn00000Old01AAA\","
                            + "\"SystemModstamp\":\"2025-03-01T09:00:00.000+0000\""))));
    server.stubFor(
        get(urlPathEqualTo(QUERY))
            .atPriority(5)
            .withQueryParam("q", containing("FROM Opportunity "))
            .willReturn(
                okJson(
                    records(
                        "Opportunity",
                        "/services/data/v60.0/query/01gDn00000QLoc-2000",
                        opportunity(
                            "006Dn00000Opp01AAA",
                            "Closed Won",
                            true,
                            true,
                            "2025-03-02T10:00:00.000+0000")))));
    server.stubFor(
        get(urlPathEqualTo(QUERY + "/01gDn00000QLoc-2000"))
            .willReturn(
                okJson(
                    records(
                        "Opportunity",
                        null,
                        opportunity(
                            "006Dn00000Opp02AAA",
                            "Negotiation/Review",
                            false,
                            false,
                            "2025-03-02T10:00:05.250+0000")))));
    server.stubFor(
        get(urlPathEqualTo(QUERY))
            .atPriority(1)
            .withQueryParam("q", containing("FROM Opportunity WHERE Id IN"))
            .willReturn(
                okJson(
                    records(
                        "Opportunity",
                        null,
                        opportunity(
                            "006Dn00000Old01AAA",
                            "Closed Lost",
                            true,
                            false,
                            "2024-12-01T10:00:00.000+0000")))));
    server.stubFor(
        get(urlPathEqualTo(QUERY))
            .atPriority(1)
            .withQueryParam("q", containing("FROM Lead WHERE ConvertedOpportunityId IN"))
            .willReturn(
                okJson(
                    records(
                        "Lead",
                        null,
                        "\"Id\":\"00QDn00000Lead9AAA\",\"ConvertedOpportunityId\":"
                            + "\"006Dn00000Opp01AAA\",\"ConvertedContactId\":\"003Dn00000Cont9AAA\""))));
    server.stubFor(
        get(urlPathEqualTo(QUERY))
            .withQueryParam("q", containing("FROM OpportunityHistory"))
            .willReturn(
                okJson(
                    records(
                        "OpportunityHistory",
                        null,
                        "\"Id\":\"008Dn00000His1AAA\",\"OpportunityId\":\"006Dn00000Opp01AAA\","
                            + "\"StageName\":\"Prospecting\",\"CreatedDate\":"
                            + "\"2025-02-01T09:30:00.000+0000\"",
                        "\"Id\":\"008Dn00000His2AAA\",\"OpportunityId\":\"006Dn00000Opp01AAA\","
                            + "\"StageName\":\"Closed Won\",\"CreatedDate\":"
                            + "\"2025-03-02T10:00:00.000+0000\""))));
  }

  private SalesforceSync sync(SalesforceClient client) {
    return new SalesforceSync(
        client,
        new SalesforceMapping(SalesforceStages.defaults(), "USD", ImportOptions.defaults()));
  }

  @Test
  void readsEveryObjectAndPageLinksConvertedLeadsAndTheNextSyncQueriesFromTheCursor() {
    stubOrg();
    SyncResult first = sync(client(null)).sync(List.of());

    assertThat(first.result().errors()).isEmpty();
    assertThat(first.result().data().deals())
        .extracting(Deal::id, Deal::status, Deal::stage, Deal::leadId, Deal::contactId)
        .containsExactly(
            tuple(
                "006Dn00000Opp01AAA",
                DealStatus.WON,
                "won",
                "00QDn00000Lead9AAA",
                "003Dn00000Cont9AAA"),
            tuple("006Dn00000Opp02AAA", DealStatus.OPEN, "negotiation", null, null),
            tuple("006Dn00000Old01AAA", DealStatus.LOST, "lost", null, null));
    Deal won = first.result().data().deals().get(0);
    assertThat(won.amount()).isEqualTo(new Money(1_500_050, "EUR"));
    assertThat(won.closedAt()).isEqualTo(Instant.parse("2025-03-15T00:00:00Z"));
    assertThat(won.createdAt()).isEqualTo(Instant.parse("2025-02-01T09:30:00Z"));
    assertThat(first.result().data().deals().get(1).closedAt()).isNull();
    Lead lead = first.result().data().leads().get(0);
    assertThat(lead.contactId()).isEqualTo("003Dn00000Cont1AAA");
    assertThat(lead.sqlAt()).isEqualTo(Instant.parse("2025-02-01T00:00:00Z"));
    assertThat(lead.utm().source()).isEqualTo("partner referral");
    assertThat(first.result().data().accounts().get(0).domain()).isEqualTo("acme.example");
    assertThat(first.result().data().accounts().get(0).size()).isEqualTo("250");
    assertThat(first.result().data().stageChanges())
        .extracting(StageChange::stage)
        .containsExactly("sql", "won");

    SyncCursor opportunities = first.cursor(SalesforceSync.SOURCE, "Opportunity");
    assertThat(opportunities.modifiedAt()).isEqualTo(Instant.parse("2025-03-02T10:00:05.250Z"));
    assertThat(opportunities.lastId()).isEqualTo("006Dn00000Opp02AAA");
    assertThat(first.cursor(SalesforceSync.SOURCE, "Contact").isInitial()).isTrue();
    server.verify(
        getRequestedFor(urlPathEqualTo(QUERY))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withQueryParam(
                "q",
                equalTo(
                    "SELECT Id, AccountId, Amount, StageName, IsClosed, IsWon, CloseDate,"
                        + " CreatedDate, LeadSource, CurrencyIsoCode, SystemModstamp FROM"
                        + " Opportunity ORDER BY SystemModstamp, Id")));
    server.verify(
        getRequestedFor(urlPathEqualTo(QUERY))
            .withQueryParam(
                "q",
                equalTo(
                    "SELECT Id, ConvertedOpportunityId, ConvertedContactId FROM Lead WHERE"
                        + " ConvertedOpportunityId IN ('006Dn00000Opp01AAA',"
                        + " '006Dn00000Opp02AAA', '006Dn00000Old01AAA')")));

    server.resetRequests();
    sync(client(null)).sync(first.cursors());
    server.verify(
        getRequestedFor(urlPathEqualTo(QUERY))
            .withQueryParam(
                "q",
                containing(
                    "FROM Opportunity WHERE SystemModstamp >= 2025-03-02T10:00:05Z"
                        + " ORDER BY SystemModstamp, Id")));
    server.verify(
        getRequestedFor(urlPathEqualTo(QUERY))
            .withQueryParam(
                "q",
                containing(
                    "FROM OpportunityHistory WHERE CreatedDate >= 2025-03-02T10:00:00Z"
                        + " ORDER BY CreatedDate, Id")));
  }

  @Test
  void anExpiredSessionIsRefreshedOnceWithTheRefreshTokenGrant() {
    server.stubFor(
        get(urlPathEqualTo(QUERY))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .willReturn(aResponse().withStatus(401).withBody(EXPIRED)));
    server.stubFor(
        get(urlPathEqualTo(QUERY))
            .withHeader("Authorization", equalTo("Bearer " + FRESH))
            .willReturn(okJson(records("Account", null, "\"Id\":\"001Dn00000AcmeAAA\""))));
    server.stubFor(
        post(urlPathEqualTo("/services/oauth2/token"))
            .willReturn(
                okJson(
                    "{\"access_token\":\""
                        + FRESH
                        + "\",\"instance_url\":\""
                        + server.baseUrl()
                        + "\",\"token_type\":\"Bearer\",\"issued_at\":\"1740816000000\"}")));

    SalesforceClient client =
        client(new SalesforceClient.Refresh(server.baseUrl(), "3MVG9clientid", SECRET, REFRESH));

    assertThat(client.query("SELECT Id FROM Account")).hasSize(1);
    server.verify(
        postRequestedFor(urlPathEqualTo("/services/oauth2/token"))
            .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
            .withRequestBody(
                equalTo(
                    "grant_type=refresh_token&client_id=3MVG9clientid&client_secret="
                        + SECRET
                        + "&refresh_token="
                        + REFRESH)));
    assertThat(client.query("SELECT Id FROM Account")).as("the new token is kept").hasSize(1);
    server.verify(1, postRequestedFor(urlPathEqualTo("/services/oauth2/token")));
  }

  @Test
  void anExpiredSessionWithoutRefreshOrARefusedRefreshFailsWithoutSecrets() {
    server.stubFor(
        get(urlPathEqualTo(QUERY)).willReturn(aResponse().withStatus(401).withBody(EXPIRED)));
    server.stubFor(
        post(urlPathEqualTo("/services/oauth2/token"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"error\":\"invalid_grant\",\"error_description\":\"expired"
                            + " access/refresh token\"}")));

    assertThatThrownBy(() -> client(null).query("SELECT Id FROM Lead"))
        .isInstanceOf(ApiException.class)
        .satisfies(
            e -> {
              assertThat(e.getMessage()).contains("/services/data/v60.0/query", "401");
              assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain("Bearer");
            });
    assertThatThrownBy(
            () ->
                client(new SalesforceClient.Refresh(server.baseUrl(), "id", SECRET, REFRESH))
                    .query("SELECT Id FROM Lead"))
        .isInstanceOf(ApiException.class)
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .contains("refreshing the Salesforce access token failed", "invalid_grant")
                    .doesNotContain(TOKEN, SECRET, REFRESH));
  }

  @Test
  void theRequestLimitIsWaitedOutWithBackoffThenReported() {
    server.stubFor(
        get(urlPathEqualTo(QUERY))
            .inScenario("limit")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(403).withBody(LIMIT))
            .willSetStateTo("again"));
    server.stubFor(
        get(urlPathEqualTo(QUERY))
            .inScenario("limit")
            .whenScenarioStateIs("again")
            .willReturn(aResponse().withStatus(403).withBody(LIMIT))
            .willSetStateTo("open"));
    server.stubFor(
        get(urlPathEqualTo(QUERY))
            .inScenario("limit")
            .whenScenarioStateIs("open")
            .willReturn(okJson(records("Lead", null))));

    assertThat(client(null).query("SELECT Id FROM Lead")).isEmpty();
    assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60));

    server.resetScenarios();
    server.stubFor(
        get(urlPathEqualTo(QUERY)).willReturn(aResponse().withStatus(403).withBody(LIMIT)));
    assertThatThrownBy(() -> client(null).query("SELECT Id FROM Lead"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining(
            "request limit exceeded (REQUEST_LIMIT_EXCEEDED), still after 2 waits");
  }

  @Test
  void aNextRecordsUrlOutsideTheApiIsRefused() {
    server.stubFor(
        get(urlPathEqualTo(QUERY))
            .willReturn(okJson(records("Lead", "https://evil.example/steal", "\"Id\":\"1\""))));

    assertThatThrownBy(() -> client(null).query("SELECT Id FROM Lead"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("nextRecordsUrl");
    server.verify(1, getRequestedFor(urlPathEqualTo(QUERY)));
  }

  @Test
  void soqlDatetimeLiteralsAreUnquotedUtcSeconds() {
    assertThat(SalesforceSync.literal(Instant.parse("2025-03-02T10:00:05.250Z")))
        .isEqualTo("2025-03-02T10:00:05Z");
    assertThat(
            SalesforceSync.soql(
                "Lead", List.of("Id"), "SystemModstamp", Instant.parse("2025-01-01T00:00:00Z")))
        .isEqualTo(
            "SELECT Id FROM Lead WHERE SystemModstamp >= 2025-01-01T00:00:00Z"
                + " ORDER BY SystemModstamp, Id");
  }
}
