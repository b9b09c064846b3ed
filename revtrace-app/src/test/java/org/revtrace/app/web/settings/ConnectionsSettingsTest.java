package org.revtrace.app.web.settings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.revtrace.app.connect.ConnectionRuns;
import org.revtrace.app.web.RevtraceServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The settings page and API against a WireMock Bitrix24 portal and a temporary store: roles and
 * CSRF, secrets never rendered nor answered (and not in the table in clear), test and sync buttons,
 * the schedule ticked by hand, escaping. Every test uses its own connection names, stored without a
 * schedule unless the test is about the schedule.
 */
@SpringBootTest(classes = RevtraceServer.class)
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ConnectionsSettingsTest {

  private static final String TOKEN = "q7xk2secrettoken9";
  private static final String BAD_TOKEN = "z9badsecret42";
  private static final String API_TOKEN = "rt_settings-test-token-0123456789";
  private static final String SCRIPT = "<script>alert(1)</script>";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final WireMockServer PORTAL =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());
  private static Path store;

  @Autowired MockMvc mvc;
  @Autowired DataSource dataSource;
  @Autowired ConnectionSyncs syncs;
  @Autowired SyncSchedule schedule;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    store =
        Files.createTempDirectory(Files.createDirectories(Path.of("target")), "settings-pg")
            .resolve("pg");
    registry.add("revtrace.db-dir", store::toString);
    registry.add("revtrace.import.demo-when-empty", () -> "false");
    registry.add("revtrace.admin-password", () -> "settings-password-0123");
    registry.add("revtrace.api-token", () -> API_TOKEN);
    registry.add("revtrace.connections.schedule", () -> "false");
  }

  @BeforeAll
  static void startPortal() {
    PORTAL.start();
    String hook = "/rest/1/" + TOKEN + "/";
    for (String method : new String[] {"crm.company.list", "crm.contact.list", "crm.lead.list"}) {
      PORTAL.stubFor(
          WireMock.get(urlPathEqualTo(hook + method + ".json"))
              .willReturn(okJson("{\"result\":[],\"total\":0}")));
    }
    PORTAL.stubFor(
        WireMock.get(urlPathEqualTo(hook + "crm.stagehistory.list.json"))
            .willReturn(okJson("{\"result\":{\"items\":[]},\"total\":0}")));
    PORTAL.stubFor(
        WireMock.get(urlPathEqualTo(hook + "crm.deal.list.json"))
            .willReturn(
                okJson(
                    "{\"result\":["
                        + deal(101, "2025-03-01T10:00:01+03:00")
                        + ","
                        + deal(102, "2025-03-01T10:00:02+03:00")
                        + "],\"total\":2}")));
    PORTAL.stubFor(
        WireMock.get(urlPathMatching("/rest/1/" + BAD_TOKEN + "/.*"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":\"expired_token\",\"error_description\":\"The access token"
                            + " provided has expired.\"}")));
  }

  @AfterAll
  static void stopPortal() {
    PORTAL.stop();
  }

  private static String deal(int id, String modified) {
    return String.format(
        "{\"ID\":\"%d\",\"STAGE_ID\":\"C1:NEW\",\"OPPORTUNITY\":\"%d.50\",\"CURRENCY_ID\":\"RUB\","
            + "\"DATE_CREATE\":\"2025-03-01T10:00:00+03:00\",\"DATE_MODIFY\":\"%s\"}",
        id, id * 1000, modified);
  }

  private static RequestPostProcessor admin() {
    return user("root").roles("ADMIN");
  }

  private static RequestPostProcessor analyst() {
    return user("ann").roles("ANALYST");
  }

  private static RequestPostProcessor viewer() {
    return user("vic").roles("VIEWER");
  }

  private static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request) {
    return request.header("Authorization", "Bearer " + API_TOKEN);
  }

  /** Adds a Bitrix24 connection through the page's form as an admin. */
  private void addOnPage(String name, String token, int every) throws Exception {
    mvc.perform(
            post("/settings/connections")
                .with(admin())
                .with(csrf())
                .param("source", "bitrix24")
                .param("creating", "true")
                .param("name", name)
                .param("setting.url", PORTAL.baseUrl())
                .param("setting.user", "1")
                .param("secret.token", token)
                .param("enabled", "true")
                .param("sync_every_minutes", Integer.toString(every)))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/settings/connections/" + name));
  }

  private String page(String path, RequestPostProcessor who) throws Exception {
    return mvc.perform(get(path).with(who))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private JsonNode json(MockHttpServletRequestBuilder request, int expected) throws Exception {
    String body =
        mvc.perform(request)
            .andExpect(status().is(expected))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return body.isEmpty() ? null : JSON.readTree(body);
  }

  private String tableText(String sql) throws Exception {
    StringBuilder text = new StringBuilder();
    try (Connection db = dataSource.getConnection();
        Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        text.append(rows.getString(1)).append('\n');
      }
    }
    return text.toString();
  }

  /** Waits for the background sync of {@code name}, if one still runs (no sleeping). */
  private void awaitSync(String name) throws Exception {
    Optional<CompletableFuture<Optional<ConnectionRuns.Result>>> running = syncs.running(name);
    if (running.isPresent()) {
      running.get().get(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void viewersSeeNothingAnalystsReadAndSyncAdminsChangeAndFormsNeedCsrf() throws Exception {
    addOnPage("roles", TOKEN, 0);

    mvc.perform(get("/settings/connections").with(viewer())).andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/connections").with(viewer())).andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/connections")).andExpect(status().isUnauthorized());
    assertThat(page("/settings/connections", analyst())).contains("roles");
    assertThat(page("/settings/connections/roles", analyst()))
        .contains("Sync now")
        .doesNotContain("connection-form");

    mvc.perform(
            post("/settings/connections")
                .with(analyst())
                .with(csrf())
                .param("source", "bitrix24")
                .param("name", "roles"))
        .andExpect(status().isForbidden());
    mvc.perform(post("/settings/connections/roles/delete").with(analyst()).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(
            put("/api/v1/connections/roles")
                .with(analyst())
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"source\":\"bitrix24\",\"settings\":{\"url\":\"https://x.ru\"}}"))
        .andExpect(status().isForbidden());
    mvc.perform(post("/settings/connections/roles/sync").with(viewer()).with(csrf()))
        .andExpect(status().isForbidden());
    // Without the CSRF token even an admin's form post is refused.
    mvc.perform(
            post("/settings/connections")
                .with(admin())
                .param("source", "bitrix24")
                .param("name", "nocsrf"))
        .andExpect(status().isForbidden());
    mvc.perform(post("/settings/connections/roles/test").with(analyst()))
        .andExpect(status().isForbidden());
    assertThat(page("/imports", admin())).contains("/settings/connections");
    assertThat(page("/imports", viewer())).doesNotContain("/settings/connections");
  }

  @Test
  void aSecretEnteredOnThePageIsStoredEncryptedAndNeverShownBack() throws Exception {
    addOnPage("crm-secret", TOKEN, 0);

    String shown = page("/settings/connections/crm-secret", admin());
    assertThat(shown).contains("set (stored encrypted)").doesNotContain(TOKEN);
    assertThat(page("/settings/connections", admin())).doesNotContain(TOKEN);
    JsonNode listed = json(get("/api/v1/connections/crm-secret").with(admin()), 200);
    assertThat(listed.get("secrets").get("token").asString()).isEqualTo("stored");
    assertThat(listed.toString()).doesNotContain(TOKEN);
    assertThat(json(get("/api/v1/connections").with(admin()), 200).toString())
        .doesNotContain(TOKEN);

    String stored = tableText("select secrets::text from connections where name = 'crm-secret'");
    assertThat(stored).contains("v1:").doesNotContain(TOKEN);
    Path keyFile = store.getParent().resolve("secret.key");
    assertThat(keyFile).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");

    // Saving again with the password field empty keeps the secret; a variable name replaces it.
    mvc.perform(
            post("/settings/connections")
                .with(admin())
                .with(csrf())
                .param("source", "bitrix24")
                .param("name", "crm-secret")
                .param("setting.url", PORTAL.baseUrl())
                .param("secret.token", "")
                .param("sync_every_minutes", "0"))
        .andExpect(status().is3xxRedirection());
    JsonNode kept = json(get("/api/v1/connections/crm-secret").with(admin()), 200);
    assertThat(kept.get("secrets").get("token").asString()).isEqualTo("stored");
    assertThat(kept.get("enabled").asBoolean()).as("the box was not ticked").isFalse();
    mvc.perform(
            post("/settings/connections")
                .with(admin())
                .with(csrf())
                .param("source", "bitrix24")
                .param("name", "crm-secret")
                .param("setting.url", PORTAL.baseUrl())
                .param("setting.token_env", "RT_SOME_VARIABLE")
                .param("sync_every_minutes", "0"))
        .andExpect(status().is3xxRedirection());
    JsonNode replaced = json(get("/api/v1/connections/crm-secret").with(admin()), 200);
    assertThat(replaced.get("secrets").get("token").asString()).isEqualTo("environment");
    assertThat(page("/settings/connections/crm-secret", admin()))
        .contains("from the environment variable RT_SOME_VARIABLE");
    assertThat(tableText("select secrets::text from connections where name = 'crm-secret'"))
        .doesNotContain("v1:");
  }

  @Test
  void theApiTakesASecretWithABearerTokenAndNeverAnswersIt() throws Exception {
    JsonNode created =
        json(
            bearer(put("/api/v1/connections/api-crm"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"source\":\"bitrix24\",\"settings\":{\"url\":\""
                        + PORTAL.baseUrl()
                        + "\"},\"secrets\":{\"token\":\""
                        + TOKEN
                        + "\"},\"sync_every_minutes\":0}"),
            201);
    assertThat(created.toString()).doesNotContain(TOKEN);
    assertThat(created.get("secrets").get("token").asString()).isEqualTo("stored");
    assertThat(created.get("updated_by").asString()).isEqualTo("admin");

    JsonNode inline =
        json(
            bearer(put("/api/v1/connections/api-inline"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"source\":\"bitrix24\",\"settings\":{\"url\":\"https://x.ru\","
                        + "\"token\":\"inlinesecret77\"}}"),
            400);
    assertThat(inline.get("detail").asString())
        .contains("secret written inline")
        .doesNotContain("inlinesecret77");

    JsonNode tested = json(bearer(post("/api/v1/connections/api-crm/test")), 200);
    assertThat(tested.get("ok").asBoolean()).isTrue();
    assertThat(tested.get("message").asString()).isEqualTo("crm.deal.list answered");
    json(bearer(post("/api/v1/connections/nobody/test")), 404);
    json(bearer(delete("/api/v1/connections/api-crm")), 204);
    json(bearer(get("/api/v1/connections/api-crm")), 404);
  }

  @Test
  void testConnectionShowsOkOrTheErrorWithoutTheToken() throws Exception {
    addOnPage("test-ok", TOKEN, 0);
    addOnPage("test-bad", BAD_TOKEN, 0);

    mvc.perform(post("/settings/connections/test-ok/test").with(analyst()).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("testOk", true))
        .andExpect(flash().attribute("testMessage", "crm.deal.list answered"));

    String message =
        (String)
            mvc.perform(post("/settings/connections/test-bad/test").with(analyst()).with(csrf()))
                .andExpect(flash().attribute("testOk", false))
                .andReturn()
                .getFlashMap()
                .get("testMessage");
    assertThat(message).contains("401").doesNotContain(BAD_TOKEN);
  }

  @Test
  void syncNowRunsInTheBackgroundRecordsTheRunAndRefreshesTheReports() throws Exception {
    addOnPage("sync-crm", TOKEN, 0);
    addOnPage("sync-bad", BAD_TOKEN, 0);

    JsonNode started = json(bearer(post("/api/v1/connections/sync-crm/sync")), 202);
    assertThat(started.get("status").asString()).isEqualTo("started");
    awaitSync("sync-crm");
    JsonNode runs = json(bearer(get("/api/v1/connections/sync-crm/runs")), 200);
    assertThat(runs).hasSize(1);
    JsonNode run = runs.get(0);
    assertThat(run.get("status").asString()).isEqualTo("ok");
    assertThat(run.get("trigger").asString()).isEqualTo("manual");
    assertThat(run.get("started_by").asString()).isEqualTo("admin");
    assertThat(run.get("rows_read").asLong()).isEqualTo(2);
    assertThat(run.get("rows_kept").asLong()).isEqualTo(2);
    long batch = run.get("batch_id").asLong();
    assertThat(batch).isPositive();
    JsonNode datasets = json(bearer(get("/api/v1/datasets")), 200);
    assertThat(datasets.get("data_version").get("last_batch_id").asLong())
        .as("the reports were refreshed after the sync")
        .isGreaterThanOrEqualTo(batch);

    mvc.perform(post("/settings/connections/sync-bad/sync").with(analyst()).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("done", "settings.done.sync-started"));
    awaitSync("sync-bad");
    String history = page("/settings/connections/sync-bad", analyst());
    assertThat(history).contains("failed", "401").doesNotContain(BAD_TOKEN);
    assertThat(page("/settings/connections", analyst()))
        .contains("sync-bad")
        .doesNotContain(BAD_TOKEN);
    assertThat(tableText("select error from sync_runs")).doesNotContain(BAD_TOKEN);
  }

  @Test
  void aSecondSyncOfARunningConnectionIsRefused() throws Exception {
    String slowToken = "slowtoken5551234";
    PORTAL.stubFor(
        WireMock.get(urlPathMatching("/rest/1/" + slowToken + "/.*"))
            .willReturn(okJson("{\"result\":[],\"total\":0}").withFixedDelay(1500)));
    addOnPage("slow", slowToken, 0);

    json(bearer(post("/api/v1/connections/slow/sync")), 202);
    JsonNode again = json(bearer(post("/api/v1/connections/slow/sync")), 409);
    assertThat(again.get("status").asString()).isEqualTo("running");
    awaitSync("slow");
    assertThat(json(bearer(get("/api/v1/connections/slow/runs")), 200)).hasSize(1);
  }

  @Test
  void theScheduleSyncsDueConnectionsAndDoesNotRetryAFailureAtOnce() throws Exception {
    addOnPage("sched-bad", BAD_TOKEN, 60);
    addOnPage("sched-off", TOKEN, 0);
    Instant created =
        Instant.parse(
            json(bearer(get("/api/v1/connections/sched-bad")), 200).get("created_at").asString());

    assertThat(schedule.tick(created.plus(Duration.ofMinutes(30)))).doesNotContain("sched-bad");
    assertThat(schedule.tick(created.plus(Duration.ofMinutes(61))))
        .contains("sched-bad")
        .doesNotContain("sched-off");
    awaitSync("sched-bad");
    JsonNode first = json(bearer(get("/api/v1/connections/sched-bad/runs")), 200);
    assertThat(first).hasSize(1);
    assertThat(first.get(0).get("status").asString()).isEqualTo("failed");
    assertThat(first.get(0).get("trigger").asString()).isEqualTo("schedule");
    Instant failedAt = Instant.parse(first.get(0).get("started_at").asString());

    assertThat(schedule.tick(failedAt.plus(Duration.ofMinutes(1))))
        .as("a failure is not retried in a tight loop")
        .doesNotContain("sched-bad");
    assertThat(schedule.tick(failedAt.plus(Duration.ofMinutes(60)))).contains("sched-bad");
    awaitSync("sched-bad");
    assertThat(json(bearer(get("/api/v1/connections/sched-bad/runs")), 200)).hasSize(2);
    assertThat(json(bearer(get("/api/v1/connections/sched-off/runs")), 200)).isEmpty();
  }

  @Test
  void namesSettingsAndErrorsAreEscaped() throws Exception {
    mvc.perform(
            post("/settings/connections")
                .with(admin())
                .with(csrf())
                .param("source", "bitrix24")
                .param("creating", "true")
                .param("name", "xss")
                .param("setting.url", "https://x.example/" + SCRIPT)
                .param("secret.token", TOKEN)
                .param("sync_every_minutes", "0"))
        .andExpect(status().is3xxRedirection());
    String shown = page("/settings/connections/xss", admin());
    assertThat(shown).doesNotContain(SCRIPT).contains("&lt;script&gt;alert(1)&lt;/script&gt;");

    String refused =
        mvc.perform(
                post("/settings/connections")
                    .with(admin())
                    .with(csrf())
                    .param("source", "bitrix24")
                    .param("creating", "true")
                    .param("name", SCRIPT)
                    .param("setting.url", "https://x.example")
                    .param("secret.token", TOKEN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(refused)
        .contains("a connection name is")
        .doesNotContain(SCRIPT)
        .doesNotContain(TOKEN);
  }
}
