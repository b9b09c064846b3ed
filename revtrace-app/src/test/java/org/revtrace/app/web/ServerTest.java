package org.revtrace.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.revtrace.app.Main;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server over a small real data folder imported into a temporary store at start: report
 * contract, authentication, problems, XSS.
 */
@SpringBootTest(classes = RevtraceServer.class)
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ServerTest {

  private static final String SCRIPT = "<script>alert(1)</script>";
  private static final String TOKEN = "rt_test-token-0123456789abcdef";
  private static final String PASSWORD = "test-password-0123";
  private static Path data;
  private static Path store;

  @Autowired MockMvc mvc;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    data = writeData(Files.createTempDirectory("revtrace-server-test"));
    registry.add("revtrace.data", data::toString);
    store = Files.createTempDirectory("revtrace-server-store");
    registry.add("revtrace.db-dir", () -> store.resolve("pg").toString());
    registry.add("revtrace.admin-password", () -> PASSWORD);
    registry.add("revtrace.api-token", () -> TOKEN);
    registry.add("revtrace.login.max-failures-per-minute", () -> "3");
  }

  @AfterAll
  static void deleteData() throws IOException {
    try (Stream<Path> files = Files.walk(data)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    }
  }

  private static Path writeData(Path dir) throws IOException {
    write(dir, "spend.csv", "date,channel,cost,campaign", "2025-03-01,vk,1000.00," + SCRIPT);
    write(
        dir,
        "touchpoints.csv",
        "touchpoint_id,occurred_at,channel,contact_id,campaign",
        "t1,2025-03-02T10:00:00+03:00,vk,c1," + SCRIPT,
        "t2,2025-03-02T11:00:00+03:00,email,c2,spring",
        "t3,2025-03-03T11:00:00+03:00,vk,c2," + SCRIPT);
    write(
        dir,
        "leads.csv",
        "lead_id,created_at,contact_id",
        "L1,2025-03-03T12:00:00+03:00,c1",
        "L2,2025-03-04T12:00:00+03:00,c2");
    write(
        dir,
        "deals.csv",
        "deal_id,created_at,amount,lead_id,status,closed_at",
        "D1,2025-03-05T10:00:00+03:00,5000.00,L1,won,2025-03-20T10:00:00+03:00",
        "D2,2025-03-05T10:00:00+03:00,3000.00,L2,won,2025-03-21T10:00:00+03:00");
    return dir;
  }

  private static void write(Path dir, String file, String... lines) throws IOException {
    Files.writeString(dir.resolve(file), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  private static String cliJson(String... options) {
    StringWriter out = new StringWriter();
    String[] args =
        Stream.concat(
                Stream.of("report", "--data", data.toString(), "--format", "json"),
                Stream.of(options))
            .toArray(String[]::new);
    int code =
        Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args);
    assertThat(code).isZero();
    return out.toString();
  }

  private static RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  @Test
  void reportIsTheCliJsonForAnAuthenticatedUser() throws Exception {
    String body =
        mvc.perform(
                get("/api/v1/report")
                    .param("model", "first_touch")
                    .param("goal", "lead")
                    .param("from", "2025-03-01")
                    .param("to", "2025-03-31")
                    .with(user("viewer").roles("VIEWER")))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(body)
        .isEqualTo(
            cliJson(
                "--model",
                "first_touch",
                "--goal",
                "lead",
                "--from",
                "2025-03-01",
                "--to",
                "2025-03-31"));
  }

  @Test
  void reportByMonthMatchesTheCli() throws Exception {
    String body =
        mvc.perform(get("/api/v1/report").param("by", "month").with(user("a").roles("ANALYST")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(body).isEqualTo(cliJson("--by", "month"));
  }

  @Test
  void reportByCampaignMatchesTheCliInChannelOrder() throws Exception {
    String body =
        mvc.perform(get("/api/v1/report").param("by", "campaign").with(user("v").roles("VIEWER")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(body).isEqualTo(cliJson("--by", "campaign"));
    List<String> channels = new ArrayList<>();
    JsonMapper.builder()
        .build()
        .readTree(body)
        .get("campaigns")
        .forEach(row -> channels.add(row.get("key").asString().split(" / ")[0]));
    assertThat(channels).hasSizeGreaterThan(1).isSorted();
  }

  @Test
  void identitiesAreTheCliJsonForAViewer() throws Exception {
    StringWriter out = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out, true),
            new PrintWriter(new StringWriter(), true),
            "identities",
            "--data",
            data.toString(),
            "--format",
            "json",
            "--limit",
            "100");
    assertThat(code).isZero();
    String api =
        mvc.perform(get("/api/v1/identities").with(user("viewer").roles("VIEWER")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.summary.people").value(2))
            .andExpect(jsonPath("$.summary.merges.DUPLICATE_LEAD").value(0))
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonMapper json = JsonMapper.builder().build();
    assertThat(json.readTree(api)).isEqualTo(json.readTree(out.toString()));
    mvc.perform(get("/api/v1/identities").param("id", "c1").with(user("v").roles("VIEWER")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value("c1"));
    mvc.perform(get("/api/v1/identities").param("rule", "nope").with(user("v").roles("VIEWER")))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/api/v1/identities")).andExpect(status().isUnauthorized());
  }

  @Test
  void reconciliationReadsTheStoreAndNeedsALogin() throws Exception {
    String body =
        mvc.perform(
                get("/api/v1/reconciliation")
                    .param("period", "week")
                    .param("platform_zone", "Europe/Moscow")
                    .with(user("viewer").roles("VIEWER")))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    var root = JsonMapper.builder().build().readTree(body);
    assertThat(root.get("period").asString()).isEqualTo("week");
    assertThat(root.get("restatements_known").asBoolean()).isTrue();
    assertThat(root.get("totals")).hasSize(1);
    assertThat(root.get("totals").get(0).get("platform_spend").decimalValue())
        .isEqualByComparingTo("1000.00");
    mvc.perform(get("/api/v1/reconciliation")).andExpect(status().isUnauthorized());
    mvc.perform(
            get("/api/v1/reconciliation").param("period", "year").with(user("v").roles("VIEWER")))
        .andExpect(status().isBadRequest());
  }

  @Test
  void recommendationsAreTheCliJsonForAViewer() throws Exception {
    String body =
        mvc.perform(
                get("/api/v1/recommendations")
                    .param("level", "campaign")
                    .param("max-shift", "0.2")
                    .with(user("viewer").roles("VIEWER")))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    StringWriter out = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out, true),
            new PrintWriter(new StringWriter(), true),
            "recommend",
            "--data",
            data.toString(),
            "--format",
            "json",
            "--level",
            "campaign",
            "--max-shift",
            "0.2");
    assertThat(code).isZero();
    assertThat(body).isEqualTo(out.toString());
    assertThat(body).contains("\"verdict\" : \"NOT_ENOUGH_DATA\"");
    mvc.perform(get("/api/v1/recommendations")).andExpect(status().isUnauthorized());
    mvc.perform(
            get("/api/v1/recommendations")
                .param("level", "segment")
                .header("Authorization", "Bearer " + TOKEN))
        .andExpect(status().isBadRequest());
  }

  @Test
  void anonymousApiCallsGet401AndPagesRedirectToLogin() throws Exception {
    mvc.perform(get("/api/v1/report")).andExpect(status().isUnauthorized());
    mvc.perform(get("/v3/api-docs")).andExpect(status().is4xxClientError());
    mvc.perform(get("/").accept(MediaType.TEXT_HTML))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/login"));
  }

  @Test
  void badModelIsA400Problem() throws Exception {
    mvc.perform(
            get("/api/v1/report").param("model", "nope").header("Authorization", "Bearer " + TOKEN))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(
            jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("unknown model 'nope'")));
    mvc.perform(get("/api/v1/report").param("from", "March").with(user("v").roles("VIEWER")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("--from 'March' is not a date (YYYY-MM-DD)"));
  }

  @Test
  void modelsAndOpenApiAreServed() throws Exception {
    mvc.perform(get("/api/v1/models").with(user("v").roles("VIEWER")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0]").value("first_touch"));
    mvc.perform(get("/v3/api-docs").with(user("v").roles("VIEWER")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/v1/report']").exists());
  }

  @Test
  void healthIsPublicAndMetricsAreForAdmins() throws Exception {
    mvc.perform(get("/actuator/health"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UP"));
    mvc.perform(get("/actuator/prometheus").with(user("v").roles("VIEWER")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + TOKEN))
        .andExpect(status().isOk());
  }

  @Test
  void bearerTokenAuthenticatesAndAWrongOneIsRefused() throws Exception {
    mvc.perform(get("/api/v1/models").header("Authorization", "Bearer " + TOKEN))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/models").header("Authorization", "Bearer rt_wrong-token-0123456789"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void formLoginNeedsCsrfAndTheRightPassword() throws Exception {
    mvc.perform(post("/login").param("username", "admin").param("password", PASSWORD))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/login")
                .param("username", "admin")
                .param("password", PASSWORD)
                .with(csrf())
                .with(from("10.0.0.1")))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/"));
  }

  @Test
  void loginIsRateLimitedPerAddress() throws Exception {
    for (int i = 0; i < 3; i++) {
      mvc.perform(
              post("/login")
                  .param("username", "admin")
                  .param("password", "wrong")
                  .with(csrf())
                  .with(from("10.0.0.2")))
          .andExpect(status().isFound())
          .andExpect(redirectedUrl("/login?error"));
    }
    mvc.perform(
            post("/login")
                .param("username", "admin")
                .param("password", PASSWORD)
                .with(csrf())
                .with(from("10.0.0.2")))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "60"));
    mvc.perform(
            post("/login")
                .param("username", "admin")
                .param("password", PASSWORD)
                .with(csrf())
                .with(from("10.0.0.3")))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/"));
  }

  @Test
  void campaignNamesAreEscapedInPages() throws Exception {
    String home =
        mvc.perform(get("/").param("by", "campaign").with(user("v").roles("VIEWER")))
            .andExpect(status().isOk())
            .andExpect(header().exists("Content-Security-Policy"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(home).doesNotContain(SCRIPT).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    String login =
        mvc.perform(get("/login").param("error", SCRIPT).param("username", SCRIPT))
            .andExpect(status().isOk())
            .andExpect(header().string("X-Frame-Options", "DENY"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(login).doesNotContain(SCRIPT).contains("Wrong user name or password.");
  }
}
