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

/** The analysis commands on demo data: they run, print and emit JSON. */
class AnalysisCommandsTest {

  @TempDir static Path data;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void generate() {
    DemoGenerator.generate(DemoSpec.defaults().withDirty(false), data);
  }

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private JsonNode json() {
    return JsonMapper.builder().build().readTree(out.toString());
  }

  @Test
  void funnelTableAndJson() {
    assertThat(run("funnel", "--data", data.toString())).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("negotiation")
        .contains("pipeline velocity")
        .contains("stuck deals");
    out.getBuffer().setLength(0);
    assertThat(run("funnel", "--data", data.toString(), "--by", "channel", "--format", "json"))
        .isZero();
    JsonNode stages = json().get("total").get("stages");
    assertThat(stages.get(0).get("stage").asString()).isEqualTo("lead");
    assertThat(stages.get(0).get("reached").asLong()).isPositive();
    assertThat(run("funnel", "--data", data.toString(), "--by", "weather")).isEqualTo(2);
  }

  @Test
  void forecastAndBacktest() {
    assertThat(run("forecast", "--data", data.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Pipeline forecast").contains("expected revenue");
    out.getBuffer().setLength(0);
    assertThat(
            run(
                "forecast",
                "--data",
                data.toString(),
                "--backtest",
                "--as-of",
                "2025-07-01",
                "--format",
                "json"))
        .isZero();
    assertThat(json().get("months").size()).isEqualTo(6);
    assertThat(run("forecast", "--data", data.toString(), "--backtest")).isEqualTo(2);
  }

  @Test
  void pathsAndEngagement() {
    assertThat(run("paths", "--data", data.toString(), "--last-channels", "3", "--top", "5"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("Channel paths").contains(" > ");
    out.getBuffer().setLength(0);
    assertThat(run("engagement", "--data", data.toString(), "--top", "3", "--format", "json"))
        .isZero();
    assertThat(json().get("accounts").size()).isEqualTo(3);
  }

  @Test
  void clvPerChannelAndCohorts() {
    assertThat(run("clv", "--data", data.toString(), "--format", "json"))
        .as(err.toString())
        .isZero();
    JsonNode clv = json();
    assertThat(clv.get("purchases").get("r").asDouble()).isPositive();
    assertThat(clv.get("channels").size()).isPositive();
    double total = 0;
    for (JsonNode channel : clv.get("channels")) {
      assertThat(channel.get("meanClv").asDouble()).isPositive();
      total += channel.get("customers").asLong();
    }
    assertThat(total).isLessThanOrEqualTo(clv.get("customers").asLong());
    out.getBuffer().setLength(0);
    assertThat(run("cohorts", "--data", data.toString(), "--by-channel", "--metric", "revenue"))
        .isZero();
    assertThat(out.toString()).contains("Cohorts by month").contains("seo");
    assertThat(run("cohorts", "--data", data.toString(), "--period", "year")).isEqualTo(2);
  }
}
