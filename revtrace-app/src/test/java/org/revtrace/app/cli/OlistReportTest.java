package org.revtrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revtrace.app.Main;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real Olist MQL → closed-deal files, read through the shipped mappings: the report's leads and
 * won deals per origin equal counts taken straight from the raw CSV.
 */
class OlistReportTest {

  private static final Path DATA =
      Path.of(
          System.getProperty("revtrace.shared", "../../shared"), "data", "olist-marketing-funnel");
  private static final Path MAPPINGS = Path.of("..", "docs", "examples", "olist");

  @TempDir Path quarantine;

  @Test
  void leadsAndWonDealsPerOriginMatchTheRawFiles() throws IOException {
    Map<String, String> originOfMql = new HashMap<>();
    Map<String, Integer> mqlsByOrigin = new HashMap<>();
    try (CsvReader<NamedCsvRecord> csv =
        CsvReader.builder()
            .ofNamedCsvRecord(DATA.resolve("olist_marketing_qualified_leads_dataset.csv"))) {
      for (NamedCsvRecord row : csv) {
        String origin = row.getField("origin").isBlank() ? "unknown" : row.getField("origin");
        originOfMql.put(row.getField("mql_id"), origin);
        mqlsByOrigin.merge(origin, 1, Integer::sum);
      }
    }
    Map<String, Integer> wonByOrigin = new HashMap<>();
    Set<String> wonMqls = new HashSet<>();
    try (CsvReader<NamedCsvRecord> csv =
        CsvReader.builder().ofNamedCsvRecord(DATA.resolve("olist_closed_deals_dataset.csv"))) {
      for (NamedCsvRecord row : csv) {
        wonMqls.add(row.getField("mql_id"));
        wonByOrigin.merge(originOfMql.get(row.getField("mql_id")), 1, Integer::sum);
      }
    }

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            "report",
            "--mapped",
            DATA.resolve("olist_marketing_qualified_leads_dataset.csv")
                + "="
                + MAPPINGS.resolve("olist-mql-to-leads.yaml"),
            "--mapped",
            DATA.resolve("olist_closed_deals_dataset.csv")
                + "="
                + MAPPINGS.resolve("olist-closed-deals-to-deals.yaml"),
            "--currency",
            "BRL",
            "--model",
            "first_touch",
            "--format",
            "json",
            "--quarantine",
            quarantine.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString()).contains("OUT_OF_ORDER"); // the deal won before its first contact
    JsonNode json = JsonMapper.builder().build().readTree(out.toString());
    assertThat(json.get("totals").get("leads").asLong()).isEqualTo(8_000);
    assertThat(json.get("totals").get("customers").asLong())
        .isEqualTo(842)
        .isEqualTo(wonMqls.size());
    Map<String, Long> reportedLeads = new HashMap<>();
    Map<String, Long> reportedWon = new HashMap<>();
    for (JsonNode channel : json.get("channels")) {
      reportedLeads.put(channel.get("channel").asString(), channel.get("leads").asLong());
      reportedWon.put(channel.get("channel").asString(), channel.get("customers").asLong());
    }
    mqlsByOrigin.forEach(
        (origin, count) ->
            assertThat(reportedLeads.get(origin)).as(origin).isEqualTo(count.longValue()));
    wonByOrigin.forEach(
        (origin, count) ->
            assertThat(reportedWon.get(origin)).as(origin).isEqualTo(count.longValue()));
    // e.g. organic_search converts 271 of 2,296 MQLs (11.8%)
    assertThat(reportedWon.get("organic_search")).isEqualTo(271);
    assertThat(reportedLeads.get("organic_search")).isEqualTo(2_296);
  }
}
