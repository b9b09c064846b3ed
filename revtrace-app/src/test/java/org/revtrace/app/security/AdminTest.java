package org.revtrace.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Users and tokens kept in the embedded store: admin pages and API, roles, guard rails. */
@SpringBootTest(classes = org.revtrace.app.web.RevtraceServer.class)
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AdminTest {

  private static final String TOKEN = "rt_admin-test-token-0123456789";
  private static final String ADMIN_PASSWORD = "admin-password-0123";
  private static final String BEARER = "Bearer " + TOKEN;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

  @Autowired MockMvc mvc;
  @Autowired DataSource dataSource;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    Path store = TestStore.freshDirectory("admin-pg");
    Path data = TestStore.smallData();
    registry.add("revtrace.data", data::toString);
    registry.add("revtrace.db-dir", store::toString);
    registry.add("revtrace.admin-password", () -> ADMIN_PASSWORD);
    registry.add("revtrace.api-token", () -> TOKEN);
  }

  /** Each login from its own address, so failed logins of one test never rate-limit another. */
  private static RequestPostProcessor freshAddress() {
    String address = "10.1.0." + ADDRESSES.getAndIncrement();
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  private MvcResult login(String username, String password) throws Exception {
    return mvc.perform(
            post("/login")
                .param("username", username)
                .param("password", password)
                .with(csrf())
                .with(freshAddress()))
        .andReturn();
  }

  private MockHttpSession loggedIn(String username, String password) throws Exception {
    MvcResult result = login(username, password);
    assertThat(result.getResponse().getRedirectedUrl()).as("login of " + username).isEqualTo("/");
    return (MockHttpSession) result.getRequest().getSession();
  }

  private JsonNode createViaApi(String json) throws Exception {
    String body =
        mvc.perform(
                post("/api/v1/admin/users")
                    .header("Authorization", BEARER)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return JSON.readTree(body);
  }

  @Test
  void viewersAndAnalystsAreForbiddenTheAdminPagesAndApi() throws Exception {
    for (String role : List.of("VIEWER", "ANALYST")) {
      mvc.perform(get("/admin").with(user("u").roles(role))).andExpect(status().isForbidden());
      mvc.perform(get("/api/v1/admin/users").with(user("u").roles(role)))
          .andExpect(status().isForbidden());
      mvc.perform(
              post("/admin/users")
                  .param("username", "mallory")
                  .param("role", "admin")
                  .with(user("u").roles(role))
                  .with(csrf()))
          .andExpect(status().isForbidden());
    }
    mvc.perform(get("/admin").with(user("boss").roles("ADMIN"))).andExpect(status().isOk());
  }

  @Test
  void theAdminApiIsDescribedInOpenApi() throws Exception {
    mvc.perform(get("/v3/api-docs").header("Authorization", BEARER))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/v1/admin/users'].post").exists())
        .andExpect(jsonPath("$.paths['/api/v1/admin/users/{username}'].patch").exists())
        .andExpect(jsonPath("$.paths['/api/v1/admin/tokens'].post").exists())
        .andExpect(jsonPath("$.paths['/api/v1/admin/tokens/{id}'].delete").exists());
  }

  @Test
  void anAdminCreatesAnAnalystWhoLogsInWithTheFormAndPosts() throws Exception {
    MockHttpSession admin = loggedIn("admin", ADMIN_PASSWORD);
    mvc.perform(
            post("/admin/users")
                .param("username", "anna")
                .param("role", "analyst")
                .param("password", "")
                .session(admin)
                .with(csrf()))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/admin"))
        .andExpect(flash().attribute("done", "admin.done.created"));
    String password =
        (String)
            mvc.perform(
                    post("/admin/users/anna/password")
                        .param("password", "")
                        .session(admin)
                        .with(csrf()))
                .andReturn()
                .getFlashMap()
                .get("password");
    assertThat(password).as("generated, shown once").hasSizeGreaterThanOrEqualTo(12);

    MockHttpSession anna = loggedIn("anna", password);
    mvc.perform(get("/admin").session(anna)).andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/models").session(anna)).andExpect(status().isOk());
    mvc.perform(post("/logout").session(anna).with(csrf()))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/login?logout"));

    String page =
        mvc.perform(get("/admin").session(admin))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("anna").doesNotContain(password);
    assertThat(lastLogin("anna")).as("last login recorded").isNotNull();
  }

  @Test
  void aViewerCreatedByTheApiReadsReportsButCannotPostToTheApi() throws Exception {
    JsonNode created =
        createViaApi(
            "{\"username\":\"vera\",\"role\":\"viewer\",\"password\":\"vera-password-123\"}");
    assertThat(created.get("user").get("role").asString()).isEqualTo("viewer");
    assertThat(created.get("password").isNull()).as("a typed password is not echoed").isTrue();

    MockHttpSession vera = loggedIn("vera", "vera-password-123");
    mvc.perform(get("/api/v1/report").session(vera)).andExpect(status().isOk());
    mvc.perform(post("/api/v1/report").session(vera).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(get("/admin").session(vera)).andExpect(status().isForbidden());
  }

  @Test
  void aDisabledUserCannotLogIn() throws Exception {
    createViaApi("{\"username\":\"dan\",\"role\":\"analyst\",\"password\":\"dan-password-123\"}");
    loggedIn("dan", "dan-password-123");

    mvc.perform(
            patch("/api/v1/admin/users/dan")
                .header("Authorization", BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\":false}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.enabled").value(false))
        .andExpect(jsonPath("$.role").value("analyst"));

    assertThat(login("dan", "dan-password-123").getResponse().getRedirectedUrl())
        .isEqualTo("/login?error");
  }

  @Test
  void disablingOrDemotingAUserEndsTheirOpenSessions() throws Exception {
    createViaApi("{\"username\":\"eve\",\"role\":\"admin\",\"password\":\"eve-password-1234\"}");
    createViaApi("{\"username\":\"fay\",\"role\":\"viewer\",\"password\":\"fay-password-1234\"}");
    MockHttpSession eve = loggedIn("eve", "eve-password-1234");
    MockHttpSession fay = loggedIn("fay", "fay-password-1234");
    mvc.perform(get("/admin").session(eve)).andExpect(status().isOk());
    mvc.perform(get("/api/v1/models").session(fay)).andExpect(status().isOk());

    mvc.perform(
            patch("/api/v1/admin/users/eve")
                .header("Authorization", BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"role\":\"viewer\"}"))
        .andExpect(status().isOk());
    mvc.perform(
            patch("/api/v1/admin/users/fay")
                .header("Authorization", BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\":false}"))
        .andExpect(status().isOk());

    mvc.perform(get("/admin").session(eve)).andExpect(redirectedUrl("/login?expired"));
    mvc.perform(get("/api/v1/models").session(fay)).andExpect(redirectedUrl("/login?expired"));
  }

  @Test
  void theLastEnabledAdminCannotBeDemotedOrDisabledAndNobodyDisablesThemselves() throws Exception {
    mvc.perform(
            patch("/api/v1/admin/users/admin")
                .header("Authorization", BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"role\":\"viewer\"}"))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("LAST_ADMIN"));
    mvc.perform(
            post("/admin/users/admin/enabled")
                .param("enabled", "false")
                .with(user("admin").roles("ADMIN"))
                .with(csrf()))
        .andExpect(redirectedUrl("/admin"))
        .andExpect(flash().attribute("problem", "admin.problem.disable-self"));

    createViaApi("{\"username\":\"olga\",\"role\":\"admin\",\"password\":\"olga-password-123\"}");
    mvc.perform(
            patch("/api/v1/admin/users/olga")
                .with(user("olga").roles("ADMIN"))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\":false}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("DISABLE_SELF"));
    mvc.perform(
            patch("/api/v1/admin/users/olga")
                .header("Authorization", BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"role\":\"analyst\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.role").value("analyst"));
  }

  @Test
  void badInputIsAProblemWithACode() throws Exception {
    String[][] cases = {
      {"{\"username\":\"Bad Name\",\"role\":\"viewer\"}", "BAD_USERNAME", "400"},
      {
        "{\"username\":\"shorty\",\"role\":\"viewer\",\"password\":\"short\"}",
        "SHORT_PASSWORD",
        "400"
      },
      {"{\"username\":\"rolf\",\"role\":\"root\"}", "BAD_ROLE", "400"},
      {"{\"username\":\"admin\",\"role\":\"viewer\"}", "USER_EXISTS", "409"},
    };
    for (String[] bad : cases) {
      mvc.perform(
              post("/api/v1/admin/users")
                  .header("Authorization", BEARER)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(bad[0]))
          .andExpect(status().is(Integer.parseInt(bad[2])))
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.code").value(bad[1]));
    }
    mvc.perform(
            patch("/api/v1/admin/users/admin")
                .header("Authorization", BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\":\"perhaps\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("BAD_JSON"));
    mvc.perform(
            patch("/api/v1/admin/users/nobody")
                .header("Authorization", BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\":true}"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("UNKNOWN_USER"));
  }

  @Test
  void anIssuedTokenAuthenticatesUntilRevokedAndIsStoredOnlyAsAHash() throws Exception {
    createViaApi("{\"username\":\"carl\",\"role\":\"analyst\",\"password\":\"carl-password-123\"}");
    mvc.perform(
            post("/api/v1/admin/tokens")
                .header("Authorization", BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"too much\",\"owner\":\"carl\",\"role\":\"admin\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("ROLE_ABOVE_OWNER"));
    JsonNode issued =
        JSON.readTree(
            mvc.perform(
                    post("/api/v1/admin/tokens")
                        .header("Authorization", BEARER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"nightly <b>export</b>\",\"owner\":\"carl\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    String token = issued.get("token").asString();
    long id = issued.get("id").asLong();
    assertThat(issued.get("role").asString()).isEqualTo("analyst");

    mvc.perform(get("/api/v1/models").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/admin/users").header("Authorization", "Bearer " + token))
        .andExpect(status().isForbidden());
    assertThat(everyStoredValue("api_tokens"))
        .as("no column holds the token")
        .noneMatch(value -> value.contains(token))
        .contains(ApiTokens.hash(token));
    String page =
        mvc.perform(get("/admin").with(user("admin").roles("ADMIN")))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("nightly &lt;b&gt;export&lt;/b&gt;").doesNotContain(token);

    mvc.perform(delete("/api/v1/admin/tokens/" + id).header("Authorization", BEARER))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/models").header("Authorization", "Bearer " + token))
        .andExpect(status().isUnauthorized());
    mvc.perform(delete("/api/v1/admin/tokens/999999").header("Authorization", BEARER))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("UNKNOWN_TOKEN"));
  }

  @Test
  void aTokenStopsWorkingWhenItsOwnerIsDisabledAndNeverActsAboveTheOwner() throws Exception {
    createViaApi("{\"username\":\"tess\",\"role\":\"admin\",\"password\":\"tess-password-123\"}");
    String token =
        (String)
            mvc.perform(
                    post("/admin/tokens")
                        .param("owner", "tess")
                        .param("name", "ops")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("done", "admin.done.token"))
                .andReturn()
                .getFlashMap()
                .get("token");
    mvc.perform(get("/api/v1/admin/users").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());

    mvc.perform(
            patch("/api/v1/admin/users/tess")
                .header("Authorization", BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"role\":\"viewer\"}"))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/admin/users").header("Authorization", "Bearer " + token))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/models").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());

    mvc.perform(
            patch("/api/v1/admin/users/tess")
                .header("Authorization", BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\":false}"))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/models").header("Authorization", "Bearer " + token))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void passwordsAreStoredAsBcryptHashes() throws Exception {
    createViaApi("{\"username\":\"hugo\",\"role\":\"viewer\",\"password\":\"hugo-password-123\"}");
    assertThat(everyStoredValue("users"))
        .noneMatch(value -> value.contains("hugo-password-123"))
        .noneMatch(value -> value.contains(ADMIN_PASSWORD))
        .anyMatch(value -> value.startsWith("$2a$"));
  }

  @Test
  void aViewerIssuesAndRevokesOnlyTheirOwnTokensWithAtMostTheirRole() throws Exception {
    createViaApi("{\"username\":\"wendy\",\"role\":\"viewer\",\"password\":\"wendy-password-1\"}");
    MockHttpSession wendy = loggedIn("wendy", "wendy-password-1");
    mvc.perform(get("/account/tokens").session(wendy)).andExpect(status().isOk());
    mvc.perform(
            post("/account/tokens")
                .param("name", "sneaky")
                .param("role", "analyst")
                .session(wendy)
                .with(csrf()))
        .andExpect(redirectedUrl("/account/tokens"))
        .andExpect(flash().attribute("problem", "admin.problem.role-above-owner"));
    String token =
        (String)
            mvc.perform(
                    post("/account/tokens")
                        .param("name", "sheet")
                        .param("role", "viewer")
                        .session(wendy)
                        .with(csrf()))
                .andReturn()
                .getFlashMap()
                .get("token");
    mvc.perform(get("/api/v1/models").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());
    assertThat(page(wendy)).as("shown on the page after the redirect").contains(token);
    assertThat(page(wendy)).containsPattern("action=\"/account/tokens/\\d+/revoke\"");
    assertThat(page(wendy)).as("and only once").contains("sheet").doesNotContain(token);
    long adminToken =
        JSON.readTree(
                mvc.perform(get("/api/v1/admin/tokens").header("Authorization", BEARER))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8))
            .valueStream()
            .filter(node -> node.get("owner").asString().equals("admin"))
            .findFirst()
            .orElseThrow()
            .get("id")
            .asLong();

    mvc.perform(post("/account/tokens/" + adminToken + "/revoke").session(wendy).with(csrf()))
        .andExpect(flash().attribute("problem", "admin.problem.not-your-token"));
    mvc.perform(get("/api/v1/models").header("Authorization", BEARER)).andExpect(status().isOk());
    assertThat(page(wendy)).contains("This token belongs to another user.");
  }

  private String page(MockHttpSession session) throws Exception {
    return mvc.perform(get("/account/tokens").session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private java.time.OffsetDateTime lastLogin(String username) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "select last_login from users where username = '" + username + "'")) {
      row.next();
      return row.getObject(1, java.time.OffsetDateTime.class);
    }
  }

  private List<String> everyStoredValue(String table) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("select * from " + table)) {
      ResultSetMetaData meta = row.getMetaData();
      while (row.next()) {
        for (int column = 1; column <= meta.getColumnCount(); column++) {
          values.add(String.valueOf(row.getString(column)));
        }
      }
    }
    return values;
  }
}
