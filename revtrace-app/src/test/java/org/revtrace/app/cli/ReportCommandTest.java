package org.revtrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revtrace.app.Main;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The CLI report contract: options, JSON shape, exit codes. */
class ReportCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private void write(String file, String... lines) throws IOException {
    Files.writeString(dir.resolve(file), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  private void seed002() throws IOException {
    write(
        "spend.csv", "date,channel,cost,impressions,clicks", "2025-03-01,vk,300000.00,100000,2000");
    StringBuilder touches = new StringBuilder("touchpoint_id,occurred_at,channel,contact_id\n");
    StringBuilder leads = new StringBuilder("lead_id,created_at,contact_id\n");
    for (int i = 0; i < 400; i++) {
      touches
          .append("t")
          .append(i)
          .append(",2025-03-02T10:00:00+03:00,vk,c")
          .append(i)
          .append('\n');
      leads.append("L").append(i).append(",2025-03-03T10:00:00+03:00,c").append(i).append('\n');
    }
    Files.writeString(dir.resolve("touchpoints.csv"), touches);
    Files.writeString(dir.resolve("leads.csv"), leads);
    write(
        "deals.csv",
        "deal_id,created_at,amount,lead_id,status,closed_at",
        "D0,2025-03-05T10:00:00+03:00,30000.00,L0,won,2025-03-20T10:00:00+03:00",
        "D1,2025-03-05T10:00:00+03:00,40000.00,L1,won,2025-03-20T10:00:00+03:00",
        "D2,2025-03-05T10:00:00+03:00,50000.00,L2,won,2025-03-20T10:00:00+03:00",
        "D3,2025-03-05T10:00:00+03:00,60000.00,L3,won,2025-03-20T10:00:00+03:00",
        "D4,2025-03-05T10:00:00+03:00,70000.00,L4,won,2025-03-20T10:00:00+03:00",
        "D5,2025-03-05T10:00:00+03:00,10000.00,L5,lost,2025-03-20T10:00:00+03:00");
  }

  @Test
  void jsonFollowsTheContract() throws IOException {
    seed002();
    int code = run("report", "--data", dir.toString(), "--model", "last_touch", "--format", "json");
    assertThat(code).as(err.toString()).isEqualTo(0);
    JsonNode json = JsonMapper.builder().build().readTree(out.toString());
    assertThat(json.get("currency").asString()).isEqualTo("RUB");
    assertThat(json.get("model").asString()).isEqualTo("last_touch");
    assertThat(json.get("goal").asString()).isEqualTo("won");
    JsonNode vk = json.get("channels").get(0);
    assertThat(vk.get("channel").asString()).isEqualTo("vk");
    assertThat(vk.get("spend").decimalValue()).isEqualByComparingTo("300000.00");
    assertThat(vk.get("leads").asLong()).isEqualTo(400);
    assertThat(vk.get("customers").asLong()).isEqualTo(5);
    assertThat(vk.get("revenue").decimalValue()).isEqualByComparingTo("250000.00");
    assertThat(vk.get("cpl").decimalValue()).isEqualByComparingTo("750.00");
    assertThat(vk.get("cac").decimalValue()).isEqualByComparingTo("60000.00");
    assertThat(vk.get("average_deal").decimalValue()).isEqualByComparingTo("50000.00");
    assertThat(vk.get("roi").asDouble())
        .isCloseTo(-1.0 / 6, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(vk.get("cpc").decimalValue()).isEqualByComparingTo("150.00");
    assertThat(vk.get("ctr").asDouble()).isEqualTo(0.02);
    assertThat(vk.get("opportunities").asLong()).isEqualTo(6);
    for (String metric :
        new String[] {
          "spend",
          "impressions",
          "clicks",
          "leads",
          "mqls",
          "sqls",
          "opportunities",
          "customers",
          "revenue",
          "roi",
          "romi",
          "roas",
          "cac",
          "cpl",
          "cpa",
          "cpc",
          "ctr",
          "average_deal",
          "ltv",
          "ltv_to_cac"
        }) {
      assertThat(vk.has(metric)).as(metric).isTrue();
      assertThat(json.get("totals").has(metric)).as(metric).isTrue();
    }
    assertThat(vk.get("mqls").asLong()).isZero();
    assertThat(json.get("totals").get("customers").asLong()).isEqualTo(5);
  }

  @Test
  void undefinedRatiosAreNull() throws IOException {
    write("leads.csv", "lead_id,created_at,channel", "L1,2025-01-01T00:00:00Z,seo");
    assertThat(run("report", "--data", dir.toString(), "--format", "json")).isEqualTo(0);
    JsonNode seo = JsonMapper.builder().build().readTree(out.toString()).get("channels").get(0);
    assertThat(seo.get("channel").asString()).isEqualTo("seo");
    assertThat(seo.get("roi").isNull()).isTrue();
    assertThat(seo.get("cac").isNull()).isTrue();
    assertThat(seo.get("cpl").decimalValue()).isEqualByComparingTo("0"); // no cost, one lead
  }

  @Test
  void badArgumentsExitWithTwo() throws IOException {
    seed002();
    assertThat(run("report", "--data", dir.toString(), "--model", "nonsense")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown model 'nonsense'");
    assertThat(run("report", "--data", dir.toString(), "--goal", "everything")).isEqualTo(2);
    assertThat(run("report", "--data", dir.toString(), "--from", "2025-13-01")).isEqualTo(2);
    assertThat(run("report", "--data", dir.resolve("missing").toString())).isEqualTo(2);
    assertThat(run("report", "--bogus")).isEqualTo(2);
  }

  @Test
  void quarantinedRowsExitWithThreeAndTheReportStillPrints() throws IOException {
    seed002();
    write(
        "payments.csv",
        "payment_id,paid_at,amount,deal_id",
        "P1,2025-04-01T00:00:00Z,100.00,D0",
        "P2,yesterday,100.00,D0");
    int code = run("report", "--data", dir.toString(), "--format", "csv");
    assertThat(code).isEqualTo(3);
    assertThat(out.toString()).startsWith("channel,spend,");
    assertThat(err.toString()).contains("payments.csv:3").contains("BAD_TIMESTAMP");
    assertThat(dir.resolve("quarantine")).isDirectory();
  }

  @Test
  void periodFiltersConversionsAndSpend() throws IOException {
    seed002();
    assertThat(
            run(
                "report",
                "--data",
                dir.toString(),
                "--format",
                "json",
                "--from",
                "2025-04-01",
                "--to",
                "2025-04-30"))
        .isEqualTo(0);
    JsonNode totals = JsonMapper.builder().build().readTree(out.toString()).get("totals");
    assertThat(totals.get("spend").decimalValue()).isEqualByComparingTo("0");
    assertThat(totals.get("customers").asLong()).isZero();
  }

  @Test
  void monthlyRowsAddUpToTheTotals() throws IOException {
    seed002();
    assertThat(
            run(
                "report",
                "--data",
                dir.toString(),
                "--format",
                "json",
                "--by",
                "month",
                "--from",
                "2025-03-01",
                "--to",
                "2025-04-30"))
        .isEqualTo(0);
    JsonNode json = JsonMapper.builder().build().readTree(out.toString());
    JsonNode months = json.get("months");
    assertThat(months.get(0).get("key").asString()).isEqualTo("2025-03");
    assertThat(months.get(0).get("customers").asLong()).isEqualTo(5);
    assertThat(months.get(0).get("spend").decimalValue()).isEqualByComparingTo("300000.00");
    assertThat(months.get(1).get("key").asString()).isEqualTo("2025-04");
    assertThat(months.get(1).get("customers").asLong()).isZero();
    assertThat(json.get("channels")).hasSize(1);
  }

  @Test
  void campaignRowsAreKeyedByChannelAndCampaign() throws IOException {
    seed002();
    assertThat(run("report", "--data", dir.toString(), "--format", "csv", "--by", "campaign"))
        .isEqualTo(0);
    assertThat(out.toString()).startsWith("campaign,spend,").contains("vk / (none),300000.00,");
    assertThat(run("report", "--data", dir.toString(), "--by", "weekday")).isEqualTo(2);
  }

  @Test
  void everyModelRunsByChannelAndBySource() throws IOException {
    seed002();
    for (String model :
        new String[] {
          "first_touch",
          "last_touch",
          "last_non_direct",
          "linear",
          "position_based",
          "w_shaped",
          "full_path",
          "time_decay",
          "custom_weights",
          "markov"
        }) {
      for (String by : new String[] {"channel", "source"}) {
        out.getBuffer().setLength(0);
        assertThat(
                run(
                    "report",
                    "--data",
                    dir.toString(),
                    "--model",
                    model,
                    "--by",
                    by,
                    "--format",
                    "json"))
            .as(model + " by " + by + ": " + err)
            .isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out.toString());
        assertThat(json.get("totals").get("customers").asLong()).isEqualTo(5);
        assertThat(json.has(by + "s")).isTrue();
      }
    }
  }

  @Test
  void segmentRowsAddUpToTheTotals() throws IOException {
    seed002();
    assertThat(run("report", "--data", dir.toString(), "--format", "json", "--by", "tier"))
        .isEqualTo(0);
    JsonNode json = JsonMapper.builder().build().readTree(out.toString());
    JsonNode none = json.get("segments").get(0);
    assertThat(none.get("key").asString()).isEqualTo("(none)"); // no accounts.csv here
    assertThat(none.get("customers").asLong()).isEqualTo(5);
    assertThat(none.get("spend").decimalValue()).isEqualByComparingTo("300000.00");
  }

  @Test
  void amountsWithoutAnExchangeRateAreQuarantinedNotConvertedAtOne() throws IOException {
    seed002();
    write(
        "spend.csv",
        "date,channel,cost,currency",
        "2025-03-01,vk,300000.00,RUB",
        "2025-03-01,google,100.00,USD");
    assertThat(run("report", "--data", dir.toString(), "--format", "json")).isEqualTo(3);
    assertThat(err.toString()).contains("MISSING_RATE");
    assertThat(Files.readString(dir.resolve("quarantine").resolve("errors.csv")))
        .contains("spend.csv")
        .contains("MISSING_RATE");
    JsonNode totals = JsonMapper.builder().build().readTree(out.toString()).get("totals");
    assertThat(totals.get("spend").decimalValue()).isEqualByComparingTo("300000.00");
  }

  @Test
  void headlineComparesWithThePreviousPeriod() throws IOException {
    seed002();
    assertThat(
            run("report", "--data", dir.toString(), "--from", "2025-03-01", "--to", "2025-03-31"))
        .isZero();
    // the previous 31 days hold nothing, so there is no change to show but the period is named
    assertThat(out.toString()).contains("ROI -16.7%").contains("(vs 2025-01-29 … 2025-02-28)");
  }

  @Test
  void tableIsReadable() throws IOException {
    seed002();
    assertThat(run("report", "--data", dir.toString())).isEqualTo(0);
    assertThat(out.toString())
        .contains("channel")
        .contains("vk")
        .contains("total")
        .contains("-16.7%");
  }
}
