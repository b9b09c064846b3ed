package org.revtrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

/** {@code revtrace reconcile} over a small folder: JSON, CSV, table and bad arguments. */
class ReconcileCommandTest {

  private static Path folder(Path dir) throws IOException {
    Files.writeString(
        dir.resolve("spend.csv"),
        """
        date,channel,cost,source,medium,campaign,clicks,conversions
        2025-03-01,paid_search,1000.50,yandex,cpc,spring,5,3
        2025-04-01,paid_search,500,yandex,cpc,spring,2,1
        """);
    Files.writeString(
        dir.resolve("touchpoints.csv"),
        """
        touchpoint_id,occurred_at,channel,visitor_id,type,source,medium,campaign
        t1,2025-03-01T10:00:00Z,paid_search,v1,ad_click,yandex,cpc,spring
        t2,2025-03-01T11:00:00Z,paid_search,v2,ad_click,yandex,cpc,spring
        t3,2025-03-01T12:00:00Z,paid_search,v3,ad_click,,,
        t4,2025-04-01T12:00:00Z,paid_search,v4,ad_click,yandex,cpc,spring
        """);
    Files.writeString(
        dir.resolve("leads.csv"),
        """
        lead_id,created_at,visitor_id
        L1,2025-03-01T10:30:00Z,v1
        L2,2025-03-02T10:30:00Z,
        """);
    return dir;
  }

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void jsonHasPeriodsTotalsGapsAndReasons(@TempDir Path dir) throws IOException {
    String[] result =
        run("reconcile", "--data", folder(dir).toString(), "--format", "json", "--period", "month");

    assertThat(result[0]).as(result[2]).isEqualTo("0");
    JsonNode root = JsonMapper.builder().build().readTree(result[1]);
    assertThat(root.path("period").asString()).isEqualTo("month");
    assertThat(root.path("restatements_known").asBoolean()).isFalse();
    assertThat(root.path("rows")).hasSize(2);
    JsonNode march = root.path("rows").get(0);
    assertThat(march.path("campaign").asString()).isEqualTo("spring");
    assertThat(march.path("from").asString()).isEqualTo("2025-03-01");
    assertThat(march.path("platform_spend").decimalValue()).isEqualByComparingTo("1000.50");
    assertThat(march.path("platform_clicks").asLong()).isEqualTo(5);
    assertThat(march.path("tracked_visits").asLong()).isEqualTo(2);
    JsonNode clicks = march.path("gaps").path("clicks");
    assertThat(clicks.path("difference").decimalValue()).isEqualByComparingTo("3");
    assertThat(clicks.path("reasons").get(0).path("reason").asString())
        .isEqualTo("untagged_traffic");
    assertThat(clicks.path("reasons").get(0).path("explained").decimalValue())
        .isEqualByComparingTo("1");
    assertThat(clicks.path("unexplained").decimalValue()).isEqualByComparingTo("2");
    JsonNode conversions = march.path("gaps").path("conversions");
    assertThat(conversions.path("reference").decimalValue()).isEqualByComparingTo("3");
    assertThat(conversions.path("observed").decimalValue()).isEqualByComparingTo("1");
    assertThat(conversions.path("reasons").get(0).path("reason").asString())
        .isEqualTo("missing_visitor_id");
    assertThat(root.path("totals").get(0).path("platform_clicks").asLong()).isEqualTo(7);
  }

  @Test
  void csvAndTableNameTheReasons(@TempDir Path dir) throws IOException {
    Path data = folder(dir);

    String[] csv =
        run("reconcile", "--data", data.toString(), "--format", "csv", "--to", "2025-03-31");
    String[] table = run("reconcile", "--data", data.toString(), "--campaign", "spring");

    assertThat(csv[0]).isEqualTo("0");
    assertThat(csv[1].lines().findFirst().orElseThrow())
        .startsWith("campaign,channel,from,to,platform_clicks");
    assertThat(csv[1]).contains("clicks,5,2,3,0.4,untagged_traffic,1,1,1");
    assertThat(csv[1]).doesNotContain("2025-04-01");
    assertThat(table[0]).isEqualTo("0");
    assertThat(table[1]).contains("clicks gap 3 (2 of 5) = untagged_traffic 1 + unexplained 2");
    assertThat(table[1]).contains("Restated spend cannot be told from files alone");
  }

  @Test
  void badArgumentsExitWithTwo(@TempDir Path dir) throws IOException {
    Path data = folder(dir);

    assertThat(run("reconcile", "--data", data.toString(), "--period", "year")[0]).isEqualTo("2");
    assertThat(run("reconcile", "--data", data.toString(), "--platform-zone", "Mars/Base")[0])
        .isEqualTo("2");
    assertThat(
            run(
                "reconcile",
                "--data",
                data.toString(),
                "--from",
                "2025-04-01",
                "--to",
                "2025-03-01")[0])
        .isEqualTo("2");
  }
}
