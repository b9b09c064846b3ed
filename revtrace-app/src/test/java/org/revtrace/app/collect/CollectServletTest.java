package org.revtrace.app.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.revtrace.app.cli.LoadedReports;
import org.revtrace.app.web.RevtraceServer;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.TrackedEvent;
import org.revtrace.store.JdbcEventLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The collector over real HTTP (it is a plain servlet, which MockMvc does not reach): validation,
 * bots, per-client limits, the visitor cookie, storage, CORS, and the events in the reports.
 */
@SpringBootTest(
    classes = RevtraceServer.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class CollectServletTest {

  static final String BROWSER =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0"
          + " Safari/537.36";
  private static final String SITE = "https://www.example.com";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired DataSource dataSource;
  @Autowired TrackerRefresh refresh;
  @Autowired LoadedReports reports;
  @Autowired EventWriter writer;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    String store = Files.createTempDirectory("revtrace-collect-test").resolve("pg").toString();
    registry.add("revtrace.db-dir", () -> store);
    registry.add("revtrace.import.demo-when-empty", () -> "false");
    registry.add("revtrace.admin-password", () -> "test-password-0123");
    registry.add("revtrace.collect.allowed-origins", () -> SITE);
    registry.add("revtrace.collect.burst-per-client", () -> "1000");
  }

  @Test
  void aPageViewIsStoredWithItsTagsAndTheVisitorGetsAnHttpOnlyCookie() throws Exception {
    String id = UUID.randomUUID().toString();
    HttpResponse<String> answer =
        collect(
            body(
                id,
                "pageview",
                SITE
                    + "/pricing?utm_source=Yandex&utm_medium=cpc&utm_campaign=brand%20crm"
                    + "&yclid=777#top",
                "https://ya.ru/search?text=crm"),
            BROWSER,
            SITE,
            null);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SITE);
    assertThat(answer.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    String cookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).startsWith("rt_vid=").contains("HttpOnly").contains("SameSite=Lax");
    String visitor = cookie.substring("rt_vid=".length(), cookie.indexOf(';'));
    assertThat(answer.body()).isEqualTo("{\"visitor\":\"" + visitor + "\"}");
    TrackedEvent stored = stored(id);
    assertThat(stored.visitorId()).isEqualTo(visitor);
    assertThat(stored.type()).isEqualTo(TouchType.VISIT);
    assertThat(stored.url())
        .isEqualTo(
            SITE + "/pricing?utm_source=Yandex&utm_medium=cpc&utm_campaign=brand%20crm&yclid=777");
    assertThat(stored.utm().source()).isEqualTo("Yandex");
    assertThat(stored.utm().campaign()).isEqualTo("brand crm");
    assertThat(stored.clickId()).isEqualTo("777");
    assertThat(stored.clickIdKind()).isEqualTo("yclid");
    assertThat(stored.referrer()).isEqualTo("https://ya.ru/search?text=crm");
  }

  @Test
  void aReturningVisitorKeepsItsIdAndAResentEventCountsOnce() throws Exception {
    String visitor = "returning-visitor-0123456789";
    String id = UUID.randomUUID().toString();
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> answer =
          collect(body(id, "form", SITE + "/demo", null), BROWSER, SITE, "rt_vid=" + visitor);
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo("{\"visitor\":\"" + visitor + "\"}");
    }

    assertThat(new JdbcEventLog(dataSource).all().stream().filter(e -> e.eventId().equals(id)))
        .singleElement()
        .satisfies(e -> assertThat(e.visitorId()).isEqualTo(visitor))
        .satisfies(e -> assertThat(e.type()).isEqualTo(TouchType.FORM));
  }

  @Test
  void visitsBecomeTouchpointsThatCreditTheLeadOfTheirVisitor() throws Exception {
    String visitor = "journey-visitor-0123456789";
    assertThat(
            collect(
                    body(
                        UUID.randomUUID().toString(),
                        "pageview",
                        SITE + "/?utm_source=yandex&utm_medium=cpc&utm_campaign=crm",
                        null),
                    BROWSER,
                    SITE,
                    "rt_vid=" + visitor)
                .statusCode())
        .isEqualTo(200);
    // The lead created from the form carries the visitor id the script put into it.
    mvc.perform(
            multipart("/api/v1/imports")
                .file(
                    new MockMultipartFile(
                        "files",
                        "leads.csv",
                        "text/csv",
                        ("lead_id,created_at,visitor_id\nweb-lead-1,"
                                + Instant.now().plusSeconds(60)
                                + ","
                                + visitor
                                + "\n")
                            .getBytes(StandardCharsets.UTF_8)))
                .with(user("analyst").roles("ANALYST"))
                .with(csrf()))
        .andExpect(status().isCreated());

    // The import refreshed the snapshot with the events; the timer does not rebuild it again.
    assertThat(refresh.refreshIfNew()).isFalse();
    String report =
        mvc.perform(
                get("/api/v1/report")
                    .param("goal", "lead")
                    .param("model", "first_touch")
                    .with(user("viewer").roles("VIEWER")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(report).contains("\"paid_search\"");
  }

  @Test
  void newEventsRefreshTheSnapshotOnTheTimer() throws Exception {
    refresh.refreshIfNew();
    int before = reports.dataset("RUB").touchCount();
    assertThat(
            collect(
                    body(UUID.randomUUID().toString(), "pageview", SITE + "/", null),
                    BROWSER,
                    SITE,
                    null)
                .statusCode())
        .isEqualTo(200);

    assertThat(refresh.refreshIfNew()).isTrue();
    assertThat(reports.dataset("RUB").touchCount()).isEqualTo(before + 1);
    assertThat(refresh.refreshIfNew()).isFalse();
  }

  @Test
  void invalidEventsAreRefusedAndNotStored() throws Exception {
    int before = new JdbcEventLog(dataSource).all().size();
    List<String> bodies = new ArrayList<>();
    bodies.add("not json");
    bodies.add("[]");
    bodies.add("{\"id\":\"short\",\"type\":\"pageview\",\"url\":\"https://a.example/\"}");
    bodies.add(body(UUID.randomUUID().toString(), "click", "https://a.example/", null));
    bodies.add(body(UUID.randomUUID().toString(), "pageview", "javascript:alert(1)", null));
    bodies.add(body(UUID.randomUUID().toString(), "pageview", "/relative", null));
    for (String body : bodies) {
      assertThat(collect(body, BROWSER, null, null).statusCode()).as(body).isEqualTo(400);
    }
    assertThat(collect("{\"id\":\"" + "x".repeat(9000) + "\"}", BROWSER, null, null).statusCode())
        .isEqualTo(413);
    HttpResponse<String> form =
        HTTP.send(
            request()
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", BROWSER)
                .POST(HttpRequest.BodyPublishers.ofString("id=1"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(form.statusCode()).isEqualTo(415);

    assertThat(new JdbcEventLog(dataSource).all()).hasSize(before);
  }

  @Test
  void botsAreDroppedQuietly() throws Exception {
    String id = UUID.randomUUID().toString();
    for (String agent :
        List.of(
            "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
            "Mozilla/5.0 (compatible; Googlebot/2.1)",
            "curl/8.5.0",
            "Mozilla/5.0 HeadlessChrome/120.0")) {
      assertThat(collect(body(id, "pageview", SITE + "/", null), agent, null, null).statusCode())
          .isEqualTo(204);
    }

    assertThat(new JdbcEventLog(dataSource).all()).noneMatch(e -> e.eventId().equals(id));
  }

  @Test
  void aClientOverItsLimitIsRefused() {
    ClientLimits limits = new ClientLimits(2, 3);
    long t = 1_000_000_000L;
    assertThat(limits.allow("10.0.0.1", t)).isTrue();
    assertThat(limits.allow("10.0.0.1", t)).isTrue();
    assertThat(limits.allow("10.0.0.1", t)).isTrue();
    assertThat(limits.allow("10.0.0.1", t)).as("burst of 3 used").isFalse();
    assertThat(limits.allow("10.0.0.2", t)).as("another client").isTrue();
    assertThat(limits.allow("10.0.0.1", t + 500_000_000L)).as("one token after 0.5 s").isTrue();
    assertThat(limits.allow("10.0.0.1", t + 500_000_000L)).isFalse();
  }

  @Test
  void theScriptIsPublicAndOtherOriginsGetNoCorsHeaders() throws Exception {
    HttpResponse<String> script =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/t.js")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("revtrace_visitor_id");

    HttpResponse<String> other =
        collect(
            body(UUID.randomUUID().toString(), "pageview", "https://evil.example/", null),
            BROWSER,
            "https://evil.example",
            null);
    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  private TrackedEvent stored(String id) {
    return new JdbcEventLog(dataSource)
        .all().stream().filter(e -> e.eventId().equals(id)).findFirst().orElseThrow();
  }

  private HttpRequest.Builder request() {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/collect"));
  }

  private HttpResponse<String> collect(String body, String agent, String origin, String cookie)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        request()
            .header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (agent != null) {
      request.header("User-Agent", agent);
    }
    if (origin != null) {
      request.header("Origin", origin);
    }
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    // Acknowledged means journaled; the copy into the store follows within milliseconds.
    assertThat(writer.awaitStored(java.time.Duration.ofSeconds(10))).isTrue();
    return answer;
  }

  static String body(String id, String type, String url, String referrer) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\""
        + type
        + "\",\"url\":\""
        + url
        + "\",\"referrer\":"
        + (referrer == null ? "null" : "\"" + referrer + "\"")
        + "}";
  }
}
