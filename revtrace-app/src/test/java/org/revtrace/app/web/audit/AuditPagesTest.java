package org.revtrace.app.web.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.revtrace.app.cli.AuditOptions;
import org.revtrace.app.cli.LoadedReports;
import org.revtrace.app.web.DemoServerTest;
import org.revtrace.core.audit.AuditReport;
import org.revtrace.core.audit.Finding;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit API, its CSV of affected ids and the audit page, over the demo data. */
class AuditPagesTest extends DemoServerTest {

  @Autowired MockMvc mvc;

  @Autowired LoadedReports reports;

  private String get200(String path) throws Exception {
    return mvc.perform(get(path).with(user("viewer").roles("VIEWER")))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void theApiListsTheFindingsInPriorityOrderWithMoneyInMajorUnits() throws Exception {
    AuditReport report = reports.audit("RUB", AuditOptions.defaults());
    assertThat(report.findings()).as("the demo data plants problems").isNotEmpty();

    JsonNode body = JsonMapper.builder().build().readTree(get200("/api/v1/audit"));

    assertThat(body.get("currency").asString()).isEqualTo("RUB");
    assertThat(body.get("score").asDouble()).isEqualTo(report.score());
    assertThat(body.get("findings")).hasSize(report.findings().size());
    JsonNode first = body.get("findings").get(0);
    Finding expected = report.findings().get(0);
    assertThat(first.get("code").asString()).isEqualTo(expected.code());
    assertThat(first.get("affected").asLong()).isEqualTo(expected.affected());
    assertThat(first.get("revenue_affected").decimalValue())
        .isEqualByComparingTo(java.math.BigDecimal.valueOf(expected.revenueAffected(), 2));
    assertThat(first.get("examples")).hasSizeLessThanOrEqualTo(Finding.EXAMPLES);
    assertThat(body.get("data_map").get("links")).isNotEmpty();
  }

  @Test
  void theCsvHoldsEveryAffectedId() throws Exception {
    Finding largest =
        reports.audit("RUB", AuditOptions.defaults()).findings().stream()
            .max(java.util.Comparator.comparingLong(Finding::affected))
            .orElseThrow();

    String csv = get200("/api/v1/audit/" + largest.code() + "/affected.csv");

    List<String> lines = csv.lines().toList();
    assertThat(lines.get(0)).isEqualTo("\uFEFFid");
    assertThat(lines.subList(1, lines.size()))
        .containsExactlyElementsOf(
            largest.affectedIds().stream().map(id -> "\"" + id + "\"").toList());
  }

  @Test
  void anUnknownCheckIs404AndABadDateIs400() throws Exception {
    mvc.perform(
            get("/api/v1/audit/NO_SUCH_CHECK/affected.csv").with(user("viewer").roles("VIEWER")))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/v1/audit").param("as_of", "31.12.2025").with(user("viewer").roles("VIEWER")))
        .andExpect(status().isBadRequest());
  }

  @Test
  void thePageShowsScoreFindingsAndDataMapInBothLanguages() throws Exception {
    AuditReport report = reports.audit("RUB", AuditOptions.defaults());
    String english = get200("/audit?lang=en");
    assertThat(english)
        .contains("id=\"card-score\"", "id=\"audit-findings\"", "id=\"audit-links\"")
        .contains("Data audit")
        .doesNotContain("??audit.");
    for (Finding finding : report.findings()) {
      assertThat(english).contains("id=\"finding-" + finding.code() + "\"");
    }
    String russian = get200("/audit?lang=ru");
    assertThat(russian).contains("Аудит данных", "Карта данных").doesNotContain("??audit.");
  }

  @Test
  void signedOutUsersAreSentToTheLoginPage() throws Exception {
    mvc.perform(get("/audit").accept(org.springframework.http.MediaType.TEXT_HTML))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/api/v1/audit")).andExpect(status().is4xxClientError());
  }
}
