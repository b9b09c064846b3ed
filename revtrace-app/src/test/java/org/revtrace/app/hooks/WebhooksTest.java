package org.revtrace.app.hooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.revtrace.app.cli.LoadedReports;
import org.revtrace.app.web.RevtraceServer;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.DealStatus;
import org.revtrace.store.JdbcWebhookEvents;
import org.revtrace.store.JdbcWebhookEvents.StoredEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The webhook endpoints over real HTTP with WireMock as the CRMs: an event lands in the store and
 * the reports, a replayed delivery is acknowledged but neither stored nor applied twice, wrong
 * secrets store nothing, a burst is one sync, a failing sync is kept with its error and retried,
 * deletions are recorded and listed.
 */
@SpringBootTest(
    classes = RevtraceServer.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class WebhooksTest {

  private static final String B24_API = "b24apitoken0001";
  private static final String B24_HOOK = "51856fefc120afa4b628cc82d3935cce";
  private static final String BURST_API = "b24apitoken0002";
  private static final String FAIL_API = "b24apitoken0003";
  private static final String AMO_API = "amoapitoken0001";
  private static final String AMO_HOOK = "f3c1d2b4a5968778695a4b3c2d1e0f9a";
  private static final int MAX_BODY = 4096;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final WireMockServer CRM =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());

  @LocalServerPort int port;
  @Autowired JdbcWebhookEvents events;
  @Autowired LoadedReports reports;
  @Autowired MockMvc mvc;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    CRM.start();
    Path dir = Files.createTempDirectory("revtrace-hooks-test");
    Path connections = dir.resolve("connections.yaml");
    String url = CRM.baseUrl();
    Files.writeString(
        connections,
        "connections:\n"
            + bitrix24("b24", url, "RT_B24_API", "RT_B24_HOOK")
            + bitrix24("burst", url, "RT_BURST_API", "RT_B24_HOOK")
            + bitrix24("failing", url, "RT_FAIL_API", "RT_B24_HOOK")
            + bitrix24("nohook", url, "RT_B24_API", null)
            + "  - name: amo\n    source: amocrm\n    url: "
            + url
            + "\n    token_env: RT_AMO_API\n    webhook_token_env: RT_AMO_HOOK\n");
    registry.add("revtrace.db-dir", () -> dir.resolve("pg").toString());
    registry.add("revtrace.import.demo-when-empty", () -> "false");
    registry.add("revtrace.admin-password", () -> "test-password-0123");
    registry.add("revtrace.hooks.connections-file", connections::toString);
    registry.add("revtrace.hooks.debounce-millis", () -> "1500");
    registry.add("revtrace.hooks.max-delay-millis", () -> "20000");
    registry.add("revtrace.hooks.poll-millis", () -> "200");
    registry.add("revtrace.hooks.first-retry-seconds", () -> "1");
    registry.add("revtrace.hooks.max-retry-seconds", () -> "2");
    registry.add("revtrace.hooks.max-body-bytes", () -> Integer.toString(MAX_BODY));
    // The secrets, as the process environment would hold them.
    registry.add("RT_B24_API", () -> B24_API);
    registry.add("RT_BURST_API", () -> BURST_API);
    registry.add("RT_FAIL_API", () -> FAIL_API);
    registry.add("RT_B24_HOOK", () -> B24_HOOK);
    registry.add("RT_AMO_API", () -> AMO_API);
    registry.add("RT_AMO_HOOK", () -> AMO_HOOK);
  }

  private static String bitrix24(String name, String url, String api, String hook) {
    return "  - name: "
        + name
        + "\n    source: bitrix24\n    url: "
        + url
        + "\n    token_env: "
        + api
        + "\n"
        + (hook == null ? "" : "    webhook_token_env: " + hook + "\n");
  }

  @AfterAll
  static void stopCrm() {
    CRM.stop();
  }

  // ---- Bitrix24 ------------------------------------------------------------------------------

  private static String deal(int id, String stage, String modified) {
    return String.format(
        "{\"ID\":\"%d\",\"STAGE_ID\":\"%s\",\"OPPORTUNITY\":\"%d.00\",\"CURRENCY_ID\":\"RUB\","
            + "\"DATE_CREATE\":\"2025-03-01T10:00:00+03:00\",\"DATE_MODIFY\":\"%s\","
            + "\"CLOSEDATE\":\"%s\"}",
        id, stage, id * 10, modified, modified);
  }

  /** A portal under {@code /rest/1/<token>/} whose deal list answers {@code deals}. */
  private static void stubPortal(String token, String... deals) {
    String hook = "/rest/1/" + token + "/";
    for (String method : List.of("crm.company.list", "crm.contact.list", "crm.lead.list")) {
      CRM.stubFor(
          get(urlPathEqualTo(hook + method + ".json"))
              .willReturn(okJson("{\"result\":[],\"total\":0}")));
    }
    CRM.stubFor(
        get(urlPathEqualTo(hook + "crm.stagehistory.list.json"))
            .willReturn(okJson("{\"result\":{\"items\":[]},\"total\":0}")));
    CRM.stubFor(
        get(urlPathEqualTo(hook + "crm.deal.list.json"))
            .willReturn(
                okJson(
                    "{\"result\":["
                        + String.join(",", deals)
                        + "],\"total\":"
                        + deals.length
                        + "}")));
  }

  private static int dealListReads(String token) {
    return CRM.countRequestsMatching(
            getRequestedFor(urlPathEqualTo("/rest/1/" + token + "/crm.deal.list.json")).build())
        .getCount();
  }

  /** A Bitrix24 outbound webhook delivery as the documentation shows it, form-encoded. */
  private static String bitrix24Event(String event, int id, long ts, String token) {
    return form(
        "event",
        event,
        "event_handler_id",
        "201",
        "data[FIELDS][ID]",
        Integer.toString(id),
        "ts",
        Long.toString(ts),
        "auth[domain]",
        "example.bitrix24.ru",
        "auth[member_id]",
        "a223c6b3710f85df22e9377d6c4f7553",
        "auth[application_token]",
        token);
  }

  @Test
  void aDealEventLandsInTheStoreAndTheReportsAndAReplayIsNotAppliedTwice() throws Exception {
    stubPortal(B24_API, deal(501, "C1:NEW", "2025-03-01T10:00:01+03:00"));
    String added = bitrix24Event("ONCRMDEALADD", 501, 1740812401, B24_HOOK);

    HttpResponse<String> first = post("/hooks/bitrix24/b24", added);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(first.body()).isEqualTo("{\"accepted\":1,\"repeated\":0}");
    awaitApplied("b24");
    assertThat(deal("501")).satisfies(d -> assertThat(d.status()).isEqualTo(DealStatus.OPEN));
    assertThat(events.recent("b24", false, 10))
        .singleElement()
        .satisfies(e -> assertThat(e.batchId()).isNotNull())
        .satisfies(e -> assertThat(e.outcome()).contains("b24: 1 read"));
    assertThat(dealListReads(B24_API)).isEqualTo(1);

    HttpResponse<String> replay = post("/hooks/bitrix24/b24", added);
    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(replay.body()).isEqualTo("{\"accepted\":0,\"repeated\":1}");
    Thread.sleep(2500); // longer than the debounce plus a poll: an application would have run
    assertThat(events.recent("b24", false, 10)).hasSize(1);
    assertThat(events.pending()).noneMatch(p -> p.connection().equals("b24"));
    assertThat(dealListReads(B24_API)).as("no second sync").isEqualTo(1);

    // The deal is won in the CRM: the update event brings the change.
    stubPortal(B24_API, deal(501, "C1:WON", "2025-03-01T11:00:00+03:00"));
    HttpResponse<String> won =
        post("/hooks/bitrix24/b24", bitrix24Event("ONCRMDEALUPDATE", 501, 1740816000, B24_HOOK));
    assertThat(won.body()).isEqualTo("{\"accepted\":1,\"repeated\":0}");
    awaitApplied("b24");
    assertThat(deal("501")).satisfies(d -> assertThat(d.status()).isEqualTo(DealStatus.WON));
    assertThat(dealListReads(B24_API)).isEqualTo(2);
  }

  @Test
  void aWrongOrMissingTokenIsRefusedWithoutDetailAndNothingIsStored() throws Exception {
    int before = events.recent(null, false, 1000).size();

    HttpResponse<String> wrong =
        post(
            "/hooks/bitrix24/b24",
            bitrix24Event("ONCRMDEALUPDATE", 777, 1, "ffffffffffffffffffffffffffffffff"));
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(wrong.body()).isEmpty();
    HttpResponse<String> missing =
        post("/hooks/bitrix24/b24", form("event", "ONCRMDEALUPDATE", "data[FIELDS][ID]", "777"));
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.body()).isEmpty();
    HttpResponse<String> wrongSecret =
        post("/hooks/amocrm/amo/" + AMO_HOOK.replace('f', 'e'), amoStatus(777, "localhost"));
    assertThat(wrongSecret.statusCode()).isEqualTo(403);
    HttpResponse<String> otherAccount =
        post("/hooks/amocrm/amo/" + AMO_HOOK, amoStatus(777, "another"));
    assertThat(otherAccount.statusCode()).isEqualTo(403);
    // A Bitrix24 token does not open an amoCRM hook, nor the other way round.
    assertThat(post("/hooks/amocrm/b24/" + B24_HOOK, amoStatus(777, "localhost")).statusCode())
        .isEqualTo(404);

    assertThat(events.recent(null, false, 1000)).hasSize(before);
  }

  @Test
  void aBurstOfTwentyEventsIsOneSync() throws Exception {
    List<String> deals = new ArrayList<>();
    for (int id = 601; id <= 620; id++) {
      deals.add(deal(id, "C1:NEW", "2025-03-02T10:00:" + (id - 580) + "+03:00"));
    }
    stubPortal(BURST_API, deals.toArray(String[]::new));

    List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
    for (int id = 601; id <= 620; id++) {
      sent.add(
          postAsync(
              "/hooks/bitrix24/burst",
              bitrix24Event("ONCRMDEALADD", id, 1740898800 + id, B24_HOOK)));
    }
    for (CompletableFuture<HttpResponse<String>> answer : sent) {
      assertThat(answer.get().body()).isEqualTo("{\"accepted\":1,\"repeated\":0}");
    }
    awaitApplied("burst");

    assertThat(events.recent("burst", false, 100))
        .hasSize(20)
        .allSatisfy(e -> assertThat(e.state()).isEqualTo("applied"))
        .extracting(StoredEvent::batchId)
        .containsOnly(events.recent("burst", false, 1).get(0).batchId());
    assertThat(dealListReads(BURST_API)).as("one sync for the burst").isEqualTo(1);
    for (int id = 601; id <= 620; id++) {
      assertThat(deal(Integer.toString(id))).isNotNull();
    }
  }

  @Test
  void aFailingSyncKeepsTheEventsWithTheErrorAndRetries() throws Exception {
    stubPortal(FAIL_API, deal(801, "C1:NEW", "2025-03-03T10:00:00+03:00"));
    // The portal refuses the first request (an expired token, fixed meanwhile), then answers.
    CRM.stubFor(
        get(urlPathEqualTo("/rest/1/" + FAIL_API + "/crm.company.list.json"))
            .inScenario("outage")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"expired_token\"}"))
            .willSetStateTo("up"));

    assertThat(
            post(
                    "/hooks/bitrix24/failing",
                    bitrix24Event("ONCRMDEALUPDATE", 801, 1740985200, B24_HOOK))
                .statusCode())
        .isEqualTo(200);
    await(
        () -> events.recent("failing", false, 1).get(0).attempts() == 1,
        "the failed sync is recorded");
    StoredEvent failed = events.recent("failing", false, 1).get(0);
    assertThat(failed.lastError()).contains("401").doesNotContain(FAIL_API);
    assertThat(failed.nextAttemptAt()).isNotNull();

    awaitApplied("failing");
    StoredEvent applied = events.recent("failing", false, 1).get(0);
    assertThat(applied.attempts()).isEqualTo(1);
    assertThat(applied.batchId()).isNotNull();
    assertThat(deal("801")).isNotNull();
  }

  // ---- amoCRM --------------------------------------------------------------------------------

  private static String amoStatus(int id, String subdomain) {
    return form(
        "leads[status][0][id]", Integer.toString(id),
        "leads[status][0][status_id]", "142",
        "leads[status][0][pipeline_id]", "3177727",
        "leads[status][0][old_status_id]", "32392159",
        "leads[status][0][old_pipeline_id]", "3177727",
        "account[id]", "29013640",
        "account[subdomain]", subdomain);
  }

  @Test
  void anAmoCrmStatusChangeLandsAndADeletionIsRecordedAndListed() throws Exception {
    CRM.stubFor(
        get(urlPathEqualTo("/api/v4/leads/pipelines"))
            .withHeader("Authorization", equalTo("Bearer " + AMO_API))
            .willReturn(
                okJson(
                    "{\"_embedded\":{\"pipelines\":[{\"id\":3177727,\"name\":\"Воронка\","
                        + "\"_embedded\":{\"statuses\":[{\"id\":32392159,\"name\":\"Переговоры\"},"
                        + "{\"id\":142,\"name\":\"Успешно реализовано\"}]}}]}}")));
    CRM.stubFor(get(urlPathEqualTo("/api/v4/companies")).willReturn(aResponse().withStatus(204)));
    CRM.stubFor(get(urlPathEqualTo("/api/v4/contacts")).willReturn(aResponse().withStatus(204)));
    CRM.stubFor(
        get(urlPathEqualTo("/api/v4/leads"))
            .willReturn(
                okJson(
                    "{\"_embedded\":{\"leads\":[{\"id\":701,\"price\":25000,\"status_id\":142,"
                        + "\"pipeline_id\":3177727,\"created_at\":1740812400,"
                        + "\"updated_at\":1740900000,\"closed_at\":1740900000}]}}")));
    String path = "/hooks/amocrm/amo/" + AMO_HOOK;

    HttpResponse<String> status = post(path, amoStatus(701, "localhost"));
    assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
    assertThat(status.body()).isEqualTo("{\"accepted\":1,\"repeated\":0}");
    assertThat(post(path, amoStatus(701, "localhost")).body())
        .isEqualTo("{\"accepted\":0,\"repeated\":1}");
    awaitApplied("amo");
    assertThat(deal("701")).satisfies(d -> assertThat(d.status()).isEqualTo(DealStatus.WON));

    HttpResponse<String> deleted =
        post(
            path,
            form(
                "leads[delete][0][id]", "702",
                "leads[delete][0][status_id]", "143",
                "leads[delete][0][pipeline_id]", "3177727",
                "account[id]", "29013640",
                "account[subdomain]", "localhost"));
    assertThat(deleted.body()).isEqualTo("{\"accepted\":1,\"repeated\":0}");
    awaitApplied("amo");
    String listed =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/api/v1/webhooks/events")
                    .param("connection", "amo")
                    .param("deletions", "true")
                    .with(user("viewer").roles("VIEWER")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(listed)
        .contains("\"entity_id\":\"702\"", "\"action\":\"delete\"", "\"state\":\"applied\"")
        .contains("the store keeps the record")
        .doesNotContain("\"entity_id\":\"701\"")
        .doesNotContain(AMO_HOOK);
  }

  @Test
  void badRequestsAreRefusedWithAReasonOnlyOnceAuthenticated() throws Exception {
    HttpResponse<String> noId =
        post(
            "/hooks/amocrm/amo/" + AMO_HOOK,
            form("leads[add][0][name]", "x", "account[subdomain]", "localhost"));
    assertThat(noId.statusCode()).isEqualTo(400);
    assertThat(noId.body())
        .contains("\"error\":\"MISSING_VALUE\"", "\"field\":\"leads[add][0][id]\"");
    HttpResponse<String> badId =
        post(
            "/hooks/bitrix24/b24",
            form(
                "event", "ONCRMDEALUPDATE",
                "data[FIELDS][ID]", "abc",
                "auth[application_token]", B24_HOOK));
    assertThat(badId.statusCode()).isEqualTo(400);
    assertThat(badId.body()).contains("BAD_VALUE", "data[FIELDS][ID]").doesNotContain(B24_HOOK);
    HttpResponse<String> ignored =
        post(
            "/hooks/bitrix24/b24",
            form("event", "ONCRMACTIVITYADD", "auth[application_token]", B24_HOOK));
    assertThat(ignored.statusCode()).isEqualTo(200);
    assertThat(ignored.body()).contains("\"ignored\":\"ONCRMACTIVITYADD\"");

    assertThat(post("/hooks/bitrix24/unknown", bitrix24Event("ONCRMDEALADD", 1, 1, B24_HOOK)))
        .satisfies(r -> assertThat(r.statusCode()).isEqualTo(404));
    assertThat(post("/hooks/bitrix24/nohook", bitrix24Event("ONCRMDEALADD", 1, 1, B24_HOOK)))
        .as("a connection without webhook_token_env takes no webhooks")
        .satisfies(r -> assertThat(r.statusCode()).isEqualTo(404));
    assertThat(post("/hooks/hubspot/b24", "a=1").statusCode()).isEqualTo(404);
    assertThat(post("/hooks/bitrix24/b24", "x=" + "a".repeat(MAX_BODY)).statusCode())
        .isEqualTo(413);
    HttpResponse<String> json =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/hooks/bitrix24/b24"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"ONCRMDEALADD\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(json.statusCode()).isEqualTo(415);
  }

  // ---- helpers -------------------------------------------------------------------------------

  private Deal deal(String id) {
    return reports.data().deals().stream()
        .filter(d -> d.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("deal " + id + " is not in the reports"));
  }

  private void awaitApplied(String connection) throws InterruptedException {
    await(
        () ->
            events.pending().stream().noneMatch(p -> p.connection().equals(connection))
                && !events.recent(connection, false, 1).isEmpty(),
        connection + "'s events applied");
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(100);
    }
  }

  private static String form(String... pairs) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      body.append(body.length() == 0 ? "" : "&")
          .append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return body.toString();
  }

  private HttpRequest request(String path, String body) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private HttpResponse<String> post(String path, String body)
      throws IOException, InterruptedException {
    return HTTP.send(request(path, body), HttpResponse.BodyHandlers.ofString());
  }

  private CompletableFuture<HttpResponse<String>> postAsync(String path, String body) {
    return HTTP.sendAsync(request(path, body), HttpResponse.BodyHandlers.ofString());
  }
}
