package org.revtrace.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.funnel.Breakdown;
import org.revtrace.core.funnel.FunnelOptions;
import org.revtrace.core.funnel.FunnelReport;
import org.revtrace.core.funnel.FunnelSummary;
import org.revtrace.core.funnel.Ratio;
import org.revtrace.ingest.canonical.ImportOptions;

/**
 * The funnel engine on the real Olist MQL → closed-deal files: MQL → won conversion and first
 * contact → won time by origin equal figures computed here straight from the raw CSV.
 */
class OlistFunnelTest {

  private static final Path DATA =
      Path.of(System.getProperty("revtrace.shared"), "data", "olist-marketing-funnel");
  private static final Path MQL = DATA.resolve("olist_marketing_qualified_leads_dataset.csv");
  private static final Path DEALS = DATA.resolve("olist_closed_deals_dataset.csv");
  private static final Path EXAMPLES = Path.of("..", "docs", "examples", "olist");
  private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
  private static final DateTimeFormatter WON_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private static FunnelReport report;
  private static final Map<String, Integer> mqlsByOrigin = new TreeMap<>();
  private static final Map<String, Integer> wonByOrigin = new TreeMap<>();
  private static final Map<String, List<Long>> cyclesByOrigin = new TreeMap<>();

  @BeforeAll
  static void load() throws IOException {
    var result =
        new MappedImporter()
            .importAll(
                List.of(
                    new MappedImporter.Source(MQL, EXAMPLES.resolve("olist-mql-to-leads.yaml")),
                    new MappedImporter.Source(
                        DEALS, EXAMPLES.resolve("olist-closed-deals-to-deals.yaml"))),
                ImportOptions.defaults());
    report =
        FunnelReport.compute(
            Dataset.of(result.data(), "BRL"),
            FunnelOptions.defaults(Instant.parse("2019-01-01T00:00:00Z")));
    // independent expectations from the raw files: blank origin is 'unknown', as in the mapping
    Map<String, String> originOf = new HashMap<>();
    Map<String, Instant> contactOf = new HashMap<>();
    try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(MQL)) {
      for (NamedCsvRecord row : csv) {
        String origin = row.getField("origin").isBlank() ? "unknown" : row.getField("origin");
        originOf.put(row.getField("mql_id"), origin);
        contactOf.put(
            row.getField("mql_id"),
            LocalDate.parse(row.getField("first_contact_date"))
                .atStartOfDay(SAO_PAULO)
                .toInstant());
        mqlsByOrigin.merge(origin, 1, Integer::sum);
      }
    }
    try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(DEALS)) {
      for (NamedCsvRecord row : csv) {
        String mql = row.getField("mql_id");
        String origin = originOf.get(mql);
        wonByOrigin.merge(origin, 1, Integer::sum);
        Instant won =
            LocalDateTime.parse(row.getField("won_date"), WON_DATE).atZone(SAO_PAULO).toInstant();
        long cycle = Duration.between(contactOf.get(mql), won).getSeconds();
        if (cycle >= 0) { // one deal is won two days before its first contact: a data error
          cyclesByOrigin.computeIfAbsent(origin, o -> new ArrayList<>()).add(cycle);
        }
      }
    }
  }

  @Test
  void mqlToWonConversionByOriginMatchesTheRawFiles() {
    System.out.printf(Locale.ROOT, "%-18s %6s %5s %8s%n", "origin", "mqls", "won", "mql→won");
    for (Map.Entry<String, Integer> origin : mqlsByOrigin.entrySet()) {
      FunnelSummary funnel = report.segment(Breakdown.CHANNEL, origin.getKey()).orElseThrow();
      long won = wonByOrigin.getOrDefault(origin.getKey(), 0);
      Ratio conversion = new Ratio(funnel.stage("won").reached(), funnel.stage("mql").reached());
      System.out.printf(
          Locale.ROOT,
          "%-18s %6d %5d %7.2f%%%n",
          origin.getKey(),
          conversion.denominator(),
          conversion.numerator(),
          100 * conversion.valueOr(0));
      assertThat(conversion).isEqualTo(new Ratio(won, origin.getValue()));
    }
    FunnelSummary total = report.total();
    assertThat(new Ratio(total.stage("won").reached(), total.stage("mql").reached()))
        .isEqualTo(new Ratio(842, 8000));
  }

  @Test
  void firstContactToWonTimeByOriginMatchesTheRawFiles() {
    System.out.printf(Locale.ROOT, "%-18s %5s %11s %11s%n", "origin", "won", "median d", "p90 d");
    for (Map.Entry<String, List<Long>> origin : cyclesByOrigin.entrySet()) {
      long[] cycles = origin.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
      FunnelSummary funnel = report.segment(Breakdown.CHANNEL, origin.getKey()).orElseThrow();
      System.out.printf(
          Locale.ROOT,
          "%-18s %5d %11.2f %11.2f%n",
          origin.getKey(),
          funnel.cycleFromLead().count(),
          funnel.cycleFromLead().medianDays(),
          funnel.cycleFromLead().p90Days());
      assertThat(funnel.cycleFromLead().count()).isEqualTo(cycles.length);
      assertThat(funnel.cycleFromLead().median()).isEqualTo(Duration.ofSeconds(type7(cycles, 0.5)));
      assertThat(funnel.cycleFromLead().p90()).isEqualTo(Duration.ofSeconds(type7(cycles, 0.9)));
    }
    assertThat(report.total().cycleFromLead().count()).isEqualTo(841);
  }

  /** Hyndman–Fan type 7 quantile, written out again here so the test does not reuse the engine. */
  private static long type7(long[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int low = (int) h;
    double upper = low + 1 < sorted.length ? sorted[low + 1] : sorted[low];
    return Math.round(sorted[low] + (h - low) * (upper - sorted[low]));
  }
}
