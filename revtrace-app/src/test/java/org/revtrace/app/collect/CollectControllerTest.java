package org.revtrace.app.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.revtrace.app.web.RevtraceServer;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.TrackedEvent;
import org.revtrace.store.JdbcEventLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The collector: validation, bots, per-client limits, the visitor cookie, storage, CORS. */
@SpringBootTest(classes = RevtraceServer.class)
@AutoConfigureMockMvc
class CollectControllerTest {

  static final String BROWSER =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

  @Autowired MockMvc mvc;
  @Autowired DataSource dataSource;
  @Autowired TrackerRefresh refresh;
  @Autowired org.revtrace.app.cli.LoadedReports reports;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    String store = Files.createTempDirectory("revtrace-collect-test").resolve("pg").toString();
    registry.add("revtrace.db-dir", () -> store);
    registry.add("revtrace.import.demo-when-empty", () -> "false");
    registry.add("revtrace.admin-password", () -> "test-password-0123");
    registry.add("revtrace.collect.allowed-origins", () -> "https://www.example.com");
    registry.add("revtrace.collect.burst-per-client", () -> "1000");
  }

  @Test
  void aPageViewIsStoredWithItsTagsAndTheVisitorGetsAnHttpOnlyCookie() throws Exception {
    String id = UUID.randomUUID().toString();
    MvcResult result =
        mvc.perform(
                event(
                    id,
                    "pageview",
                    "https://www.example.com/pricing?utm_source=Yandex&utm_medium=cpc"
                        + "&utm_campaign=brand%20crm&yclid=777#top",
                    "https://ya.ru/search?text=crm"))
            .andExpect(status().isOk())
            .andExpect(header().string("Access-Control-Allow-Origin", "https://www.example.com"))
            .andExpect(header().string("Access-Control-Allow-Credentials", "true"))
            .andReturn();

    String cookie = result.getResponse().getHeader("Set-Cookie");
    assertThat(cookie).startsWith("rt_vid=").contains("HttpOnly").contains("SameSite=Lax");
    String visitor = cookie.substring("rt_vid=".length(), cookie.indexOf(';'));
    assertThat(result.getResponse().getContentAsString())
        .isEqualTo("{\"visitor\":\"" + visitor + "\"}");
    TrackedEvent stored = stored(id);
    assertThat(stored.visitorId()).isEqualTo(visitor);
    assertThat(stored.type()).isEqualTo(TouchType.VISIT);
    assertThat(stored.url())
        .isEqualTo(
            "https://www.example.com/pricing?utm_source=Yandex&utm_medium=cpc"
                + "&utm_campaign=brand%20crm&yclid=777");
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
      mvc.perform(
              event(id, "form", "https://www.example.com/demo", null)
                  .cookie(new Cookie("rt_vid", visitor)))
          .andExpect(status().isOk())
          .andExpect(content().string("{\"visitor\":\"" + visitor + "\"}"));
    }

    assertThat(new JdbcEventLog(dataSource).all().stream().filter(e -> e.eventId().equals(id)))
        .singleElement()
        .satisfies(e -> assertThat(e.visitorId()).isEqualTo(visitor))
        .satisfies(e -> assertThat(e.type()).isEqualTo(TouchType.FORM));
  }

  @Test
  void visitsBecomeTouchpointsThatCreditTheLeadOfTheirVisitor() throws Exception {
    String visitor = "journey-visitor-0123456789";
    mvc.perform(
            event(
                    UUID.randomUUID().toString(),
                    "pageview",
                    "https://www.example.com/?utm_source=yandex&utm_medium=cpc&utm_campaign=crm",
                    null)
                .cookie(new Cookie("rt_vid", visitor)))
        .andExpect(status().isOk());
    // The lead created from the form carries the visitor id the script put into it.
    mvc.perform(
            multipart("/api/v1/imports")
                .file(
                    new MockMultipartFile(
                        "files",
                        "leads.csv",
                        "text/csv",
                        ("lead_id,created_at,visitor_id\nweb-lead-1,"
                                + java.time.Instant.now().plusSeconds(60)
                                + ","
                                + visitor
                                + "\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .with(user("analyst").roles("ANALYST"))
                .with(csrf()))
        .andExpect(status().isCreated());

    // The import refreshed the snapshot (events included); the timer's refresh changes nothing.
    refresh.refreshIfNew();
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
    mvc.perform(event(UUID.randomUUID().toString(), "pageview", "https://www.example.com/", null))
        .andExpect(status().isOk());

    assertThat(refresh.refreshIfNew()).isTrue();
    assertThat(reports.dataset("RUB").touchCount()).isEqualTo(before + 1);
    assertThat(refresh.refreshIfNew()).isFalse();
  }

  @Test
  void invalidEventsAreRefusedAndNotStored() throws Exception {
    int before = new JdbcEventLog(dataSource).all().size();
    for (String body :
        List.of(
            "not json",
            "[]",
            "{\"id\":\"short\",\"type\":\"pageview\",\"url\":\"https://a.example/\"}",
            "{\"id\":\""
                + UUID.randomUUID()
                + "\",\"type\":\"click\",\"url\":\"https://a.example/\"}",
            "{\"id\":\""
                + UUID.randomUUID()
                + "\",\"type\":\"pageview\",\"url\":\"javascript:alert(1)\"}",
            "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"pageview\",\"url\":\"/relative\"}")) {
      mvc.perform(
              post("/collect")
                  .contentType(MediaType.TEXT_PLAIN)
                  .header("User-Agent", BROWSER)
                  .content(body))
          .andExpect(status().isBadRequest());
    }
    mvc.perform(
            post("/collect")
                .contentType(MediaType.TEXT_PLAIN)
                .header("User-Agent", BROWSER)
                .content("{\"id\":\"" + "x".repeat(9000) + "\"}"))
        .andExpect(status().isPayloadTooLarge());

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
      mvc.perform(
              post("/collect")
                  .contentType(MediaType.TEXT_PLAIN)
                  .header("User-Agent", agent)
                  .content(body(id, "pageview", "https://www.example.com/", null)))
          .andExpect(status().isNoContent());
    }
    mvc.perform(
            post("/collect")
                .contentType(MediaType.TEXT_PLAIN)
                .content(body(id, "pageview", "https://www.example.com/", null)))
        .andExpect(status().isNoContent());

    assertThat(new JdbcEventLog(dataSource).all()).noneMatch(e -> e.eventId().equals(id));
  }

  @Test
  void aClientOverItsLimitGets429() throws Exception {
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
    mvc.perform(get("/t.js"))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("revtrace_visitor_id")));
    mvc.perform(
            post("/collect")
                .contentType(MediaType.TEXT_PLAIN)
                .header("User-Agent", BROWSER)
                .header("Origin", "https://evil.example")
                .content(
                    body(UUID.randomUUID().toString(), "pageview", "https://evil.example/", null)))
        .andExpect(status().isOk())
        .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
  }

  private TrackedEvent stored(String id) {
    return new JdbcEventLog(dataSource)
        .all().stream().filter(e -> e.eventId().equals(id)).findFirst().orElseThrow();
  }

  private static MockHttpServletRequestBuilder event(
      String id, String type, String url, String referrer) {
    return post("/collect")
        .contentType(MediaType.TEXT_PLAIN)
        .header("User-Agent", BROWSER)
        .header("Origin", "https://www.example.com")
        .content(body(id, type, url, referrer));
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
