package org.revtrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revtrace.app.Main;
import org.revtrace.app.demo.DemoGenerator;
import org.revtrace.app.demo.DemoSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code revtrace recommend} on demo data: table, CSV and JSON, campaign level, bad options. */
class RecommendCommandTest {

  @TempDir static Path data;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void generate() {
    DemoGenerator.generate(DemoSpec.defaults().withDirty(false).scaledTo(20_000), data);
  }

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void tableNamesVerdictsReasonsCurvesAndMoves() {
    assertThat(run("recommend", "--data", data.toString())).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("Recommendations — model linear")
        .contains("NOT_ENOUGH_DATA")
        .contains("no marketing cost in the period")
        .contains("Response curves (monthly)")
        .contains("Budget reallocation (per month)");
  }

  @Test
  void jsonKeepsTheBudgetAndEveryChannel() {
    assertThat(run("recommend", "--data", data.toString(), "--format", "json", "--bootstrap", "50"))
        .as(err.toString())
        .isZero();
    JsonNode root = JsonMapper.builder().build().readTree(out.toString());
    assertThat(root.get("currency").asString()).isEqualTo("RUB");
    assertThat(root.get("ratings").size()).isPositive();
    JsonNode first = root.get("ratings").get(0);
    assertThat(first.has("verdict")).isTrue();
    assertThat(first.get("reasons").get(0).has("code")).isTrue();
    long change = 0;
    for (JsonNode move : root.get("plan").get("moves")) {
      change += move.get("change").asLong();
    }
    assertThat(change).isZero();
    assertThat(root.get("settings").get("replicates").asInt()).isEqualTo(50);
  }

  @Test
  void campaignLevelAndCsv() {
    assertThat(
            run(
                "recommend",
                "--data",
                data.toString(),
                "--level",
                "campaign",
                "--format",
                "csv",
                "--bootstrap",
                "20"))
        .as(err.toString())
        .isZero();
    String[] lines = out.toString().split("\\R");
    assertThat(lines[0]).startsWith("unit,verdict,marketing_cost");
    assertThat(lines.length).isGreaterThan(10);
    assertThat(lines[1]).contains(" / ");
  }

  @Test
  void badOptionsAreRefused() {
    assertThat(run("recommend", "--data", data.toString(), "--level", "segment")).isEqualTo(2);
    assertThat(err.toString()).contains("use channel or campaign");
    assertThat(run("recommend", "--data", data.toString(), "--max-shift", "1.5")).isEqualTo(2);
    assertThat(run("recommend", "--data", data.toString(), "--model", "magic")).isEqualTo(2);
  }
}
