package org.revtrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revtrace.app.Main;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The CLI comparison: every model side by side, not-enough-data cells, bootstrap intervals. */
class CompareCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  /**
   * {@code people} leads: every third person touches seo then email, the others email only; plus 20
   * people who only touch vk and never convert.
   */
  private void leads(int people) throws IOException {
    StringBuilder touches = new StringBuilder("touchpoint_id,occurred_at,channel,contact_id\n");
    StringBuilder leads = new StringBuilder("lead_id,created_at,contact_id\n");
    int id = 0;
    for (int p = 0; p < people; p++) {
      if (p % 3 == 0) {
        touches.append("t" + id++ + ",2025-03-01T10:00:00+03:00,seo,c" + p + "\n");
      }
      touches.append("t" + id++ + ",2025-03-02T10:00:00+03:00,email,c" + p + "\n");
      leads.append("L" + p + ",2025-03-03T10:00:00+03:00,c" + p + "\n");
    }
    for (int p = 0; p < 20; p++) {
      touches.append("t" + id++ + ",2025-03-02T10:00:00+03:00,vk,n" + p + "\n");
    }
    Files.writeString(dir.resolve("touchpoints.csv"), touches);
    Files.writeString(dir.resolve("leads.csv"), leads);
  }

  @Test
  void tableShowsEveryModelSideBySide() throws IOException {
    leads(150);
    int code = run("compare", "--data", dir.toString(), "--goal", "lead");
    assertThat(code).as(err.toString()).isEqualTo(0);
    String table = out.toString();
    assertThat(table.lines().findFirst().orElseThrow())
        .contains("channel", "first_touch", "linear", "markov", "shapley");
    // email: first touch 100 of 150; last touch 150 of 150; Shapley 100 + 50/2 = 125.
    assertThat(table).contains("100.0 (66.7%)", "150.0 (100.0%)", "125.0 (83.3%)");
    assertThat(table).contains("150 conversions");
  }

  @Test
  void dataDrivenModelsSayNotAvailableOnTooFewConversions() throws IOException {
    leads(30);
    assertThat(run("compare", "--data", dir.toString(), "--goal", "lead")).isEqualTo(0);
    assertThat(out.toString())
        .contains("n/a", "markov needs at least 100 conversions to learn from (has 30)");
  }

  @Test
  void jsonCarriesSharesStatusesAndTheBootstrapInterval() throws IOException {
    leads(150);
    int code =
        run(
            "compare",
            "--data",
            dir.toString(),
            "--goal",
            "lead",
            "--models",
            "first_touch,shapley",
            "--model",
            "shapley",
            "--bootstrap",
            "50",
            "--format",
            "json");
    assertThat(code).as(err.toString()).isEqualTo(0);
    JsonNode json = JsonMapper.builder().build().readTree(out.toString());
    assertThat(json.get("conversions").asLong()).isEqualTo(150);
    assertThat(json.get("models").get(1).get("status").asString()).isEqualTo("attributed");
    JsonNode email = json.get("channels").get(0);
    assertThat(email.get("channel").asString()).isEqualTo("email");
    assertThat(email.get("models").get("shapley").get("share").asDouble())
        .isCloseTo(125.0 / 150, within(1e-9));
    JsonNode interval = email.get("interval");
    assertThat(interval.get("conversions_lower").asDouble()).isLessThanOrEqualTo(125.0);
    assertThat(interval.get("conversions_upper").asDouble()).isGreaterThanOrEqualTo(125.0);
    assertThat(json.get("bootstrap").get("replicates").asInt()).isEqualTo(50);
  }

  @Test
  void csvHasOneRowPerChannelAndModel() throws IOException {
    leads(150);
    int code =
        run(
            "compare",
            "--data",
            dir.toString(),
            "--goal",
            "lead",
            "--models",
            "linear,markov",
            "--format",
            "csv");
    assertThat(code).as(err.toString()).isEqualTo(0);
    assertThat(out.toString().lines())
        .hasSize(1 + 3 * 2)
        .first()
        .isEqualTo(
            "channel,model,status,conversions,share,revenue,revenue_share,thin,"
                + "conversions_lower,conversions_upper");
    assertThat(out.toString()).contains("email,linear,attributed,125.000000,0.833333,");
  }

  @Test
  void reportAcceptsShapleyAndCompareRejectsNonsense() throws IOException {
    leads(150);
    assertThat(run("report", "--data", dir.toString(), "--goal", "lead", "--model", "shapley"))
        .as(err.toString())
        .isEqualTo(0);
    assertThat(run("compare", "--data", dir.toString(), "--models", "linear,nonsense"))
        .isEqualTo(2);
    assertThat(run("compare", "--data", dir.toString(), "--bootstrap", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown model 'nonsense'");
  }

  @Test
  void reportWarnsThatADataDrivenModelGuessesOnTooLittleData() throws IOException {
    leads(30);
    assertThat(run("report", "--data", dir.toString(), "--goal", "lead", "--model", "shapley"))
        .isEqualTo(0);
    assertThat(err.toString()).contains("not enough data for shapley: 30 conversions");
    assertThat(run("report", "--data", dir.toString(), "--goal", "lead", "--model", "linear"))
        .isEqualTo(0);
    assertThat(err.toString()).doesNotContain("not enough data for linear");
  }
}
