package org.revtrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revtrace.app.Main;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code revtrace identities} over a small folder where every rule has something to do. */
class IdentitiesCommandTest {

  @TempDir static Path data;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void write() throws IOException {
    write(
        "accounts.csv",
        "account_id,name,domain",
        "a1,Acme,https://www.acme.ru/",
        "a2,Beta,beta.ru");
    write(
        "contacts.csv",
        "contact_id,account_id,email,phone",
        "c1,a2,Anna@Beta.ru,",
        "c2,,boris@acme.ru,+7 495 000-00-00",
        "c3,,,8 (495) 000-00-00");
    write(
        "touchpoints.csv",
        "touchpoint_id,occurred_at,channel,visitor_id,contact_id,landing_page",
        "t1,2025-03-01T10:00:00+03:00,seo,v1,c1,",
        "t2,2025-03-02T10:00:00+03:00,ads,v2,,https://acme.ru/?gclid=Cj0KCQiAabc",
        "t3,2025-03-02T10:00:00+03:00,ads,v3,,");
    write(
        "leads.csv",
        "lead_id,created_at,visitor_id,email,phone,click_id",
        "L1,2025-03-02T10:05:00+03:00,,carl@gamma.io,,Cj0KCQiAabc",
        "L2,2025-03-20T10:05:00+03:00,,carl@gamma.io,,",
        "L3,2025-03-03T10:05:00+03:00,v3,dina@gmail.com,,");
    write(
        "deals.csv",
        "deal_id,created_at,amount,lead_id,status,closed_at",
        "D1,2025-03-25T10:00:00+03:00,5000.00,L2,won,2025-04-01T10:00:00+03:00");
  }

  private static void write(String file, String... lines) throws IOException {
    Files.writeString(data.resolve(file), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private JsonNode json() {
    return JsonMapper.builder().build().readTree(out.toString());
  }

  @Test
  void jsonHasTheSummaryAndEveryMergeWithItsRule() {
    assertThat(run("identities", "--data", data.toString(), "--format", "json"))
        .as(err.toString())
        .isZero();
    JsonNode root = json();
    JsonNode summary = root.get("summary");
    // c1, c2, c3, v1, v2, v3, L1, L2 (L3 belongs to v3) → c1+v1, c2+c3 (phone), v2+L1+L2.
    assertThat(summary.get("identifiers").asInt()).isEqualTo(8);
    assertThat(summary.get("people").asInt()).isEqualTo(4);
    assertThat(summary.get("leads").asInt()).isEqualTo(3);
    assertThat(summary.get("surviving_leads").asInt()).isEqualTo(2);
    assertThat(summary.get("derived_accounts").asInt()).isEqualTo(1);
    JsonNode merges = summary.get("merges");
    assertThat(merges.get("VISITOR_ID").asInt()).isEqualTo(1);
    assertThat(merges.get("CLICK_ID").asInt()).isEqualTo(1);
    assertThat(merges.get("EMAIL").asInt()).isEqualTo(1);
    assertThat(merges.get("PHONE").asInt()).isEqualTo(1);
    assertThat(merges.get("CRM_COMPANY").asInt()).isEqualTo(1);
    assertThat(merges.get("EMAIL_DOMAIN").asInt()).isEqualTo(1);
    assertThat(merges.get("DERIVED_DOMAIN").asInt()).isEqualTo(1);
    assertThat(merges.get("DUPLICATE_LEAD").asInt()).isEqualTo(1);
    assertThat(root.get("total").asInt()).isEqualTo(8);
    assertThat(out.toString()).doesNotContain("carl@").doesNotContain("boris@");
  }

  @Test
  void ruleAndIdSelectMergesAndCsvListsThem() {
    assertThat(
            run(
                "identities",
                "--data",
                data.toString(),
                "--format",
                "csv",
                "--rule",
                "duplicate-lead"))
        .isZero();
    assertThat(out.toString().lines())
        .containsExactly(
            "kind,rule,from,into,key", "lead,DUPLICATE_LEAD,lead:L2,lead:L1,visitor:v2");
    out.getBuffer().setLength(0);

    assertThat(run("identities", "--data", data.toString(), "--format", "json", "--id", "c3"))
        .isZero();
    JsonNode explained = json().get("merges");
    assertThat(explained.size()).isEqualTo(2);
    assertThat(explained.get(0).get("rule").asString()).isEqualTo("PHONE");
    assertThat(explained.get(1).get("rule").asString()).isEqualTo("EMAIL_DOMAIN");
    assertThat(explained.get(1).get("into").asString()).isEqualTo("account:a1");
  }

  @Test
  void tableShowsTheSummaryAndRefusedKeys() {
    assertThat(run("identities", "--data", data.toString(), "--max-people-per-key", "1"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString())
        .contains("Keys shared by too many people")
        .contains("PHONE")
        .contains("DUPLICATE_LEAD");
  }

  @Test
  void badArgumentsExitWith2() {
    assertThat(run("identities", "--data", data.toString(), "--rule", "nope")).isEqualTo(2);
    assertThat(run("identities", "--data", data.toString(), "--format", "xml")).isEqualTo(2);
    assertThat(run("identities", "--data", data.toString(), "--duplicate-window-days", "-1"))
        .isEqualTo(2);
  }
}
