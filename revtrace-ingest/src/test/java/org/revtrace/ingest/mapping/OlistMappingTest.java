package org.revtrace.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.Lead;
import org.revtrace.ingest.canonical.ImportOptions;
import org.revtrace.ingest.canonical.ImportResult;

/** The shipped Olist mappings on the real Olist files, read in place from the shared folder. */
class OlistMappingTest {

  private static final Path DATA =
      Path.of(System.getProperty("revtrace.shared"), "data", "olist-marketing-funnel");
  private static final Path MQL = DATA.resolve("olist_marketing_qualified_leads_dataset.csv");
  private static final Path DEALS = DATA.resolve("olist_closed_deals_dataset.csv");
  private static final Path EXAMPLES = Path.of("..", "docs", "examples", "olist");

  private final ImportResult result =
      new MappedImporter()
          .importAll(
              List.of(
                  new MappedImporter.Source(MQL, EXAMPLES.resolve("olist-mql-to-leads.yaml")),
                  new MappedImporter.Source(
                      DEALS, EXAMPLES.resolve("olist-closed-deals-to-deals.yaml"))),
              ImportOptions.defaults());

  @Test
  void importsEveryMqlAndEveryWonDeal() {
    assertThat(result.errors()).isEmpty();
    assertThat(result.data().leads()).hasSize(8000);
    assertThat(result.data().deals()).hasSize(842);
    assertThat(result.data().leads()).filteredOn(l -> l.channel() == null).isEmpty();
    assertThat(result.data().deals()).allMatch(deal -> deal.status() == DealStatus.WON);
    Map<String, Lead> leads = new HashMap<>();
    result.data().leads().forEach(lead -> leads.put(lead.id(), lead));
    assertThat(result.data().deals()).allMatch(deal -> leads.containsKey(deal.leadId()));
  }

  @Test
  void datesAreReadInSaoPaulo() {
    Lead first = result.data().leads().get(0);
    assertThat(first.id()).isEqualTo("dac32acd4db4c29c230538b72f8dd87d");
    assertThat(first.createdAt())
        .isEqualTo(
            LocalDate.of(2018, 2, 1).atStartOfDay(ZoneId.of("America/Sao_Paulo")).toInstant());
    assertThat(first.mqlAt()).isEqualTo(first.createdAt());
    Deal deal = result.data().deals().get(0);
    assertThat(deal.createdAt()).isEqualTo(Instant.parse("2018-02-26T22:58:54Z"));
    assertThat(deal.amount().currency()).isEqualTo("BRL");
    assertThat(deal.product()).isEqualTo("pet");
  }

  @Test
  void conversionByOriginMatchesTheRawFiles() throws IOException {
    // Computed from the raw CSV, independently of the importer: blank origin counts as unknown.
    Map<String, String> originByMql = new HashMap<>();
    Map<String, Integer> mqlsByOrigin = new TreeMap<>();
    try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(MQL)) {
      for (NamedCsvRecord row : csv) {
        String origin = row.getField("origin").isBlank() ? "unknown" : row.getField("origin");
        originByMql.put(row.getField("mql_id"), origin);
        mqlsByOrigin.merge(origin, 1, Integer::sum);
      }
    }
    Map<String, Integer> wonByOrigin = new TreeMap<>();
    try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(DEALS)) {
      for (NamedCsvRecord row : csv) {
        wonByOrigin.merge(originByMql.get(row.getField("mql_id")), 1, Integer::sum);
      }
    }

    Map<String, Integer> importedMqls = new TreeMap<>();
    Map<String, String> channelByLead = new HashMap<>();
    for (Lead lead : result.data().leads()) {
      importedMqls.merge(lead.channel(), 1, Integer::sum);
      channelByLead.put(lead.id(), lead.channel());
    }
    Map<String, Integer> importedWon = new TreeMap<>();
    for (Deal deal : result.data().deals()) {
      importedWon.merge(channelByLead.get(deal.leadId()), 1, Integer::sum);
    }

    assertThat(importedMqls).isEqualTo(mqlsByOrigin);
    assertThat(importedWon).isEqualTo(wonByOrigin);
    assertThat(mqlsByOrigin.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(8000);
    for (String origin : mqlsByOrigin.keySet()) {
      double raw = wonByOrigin.getOrDefault(origin, 0) / (double) mqlsByOrigin.get(origin);
      double imported = importedWon.getOrDefault(origin, 0) / (double) importedMqls.get(origin);
      assertThat(imported).as(origin).isEqualTo(raw);
    }
  }

  @Test
  void theDealWonBeforeItsFirstContactIsKeptAndReported() {
    assertThat(result.warnings())
        .singleElement()
        .satisfies(
            warning -> {
              assertThat(warning.code()).isEqualTo(ErrorCode.OUT_OF_ORDER);
              assertThat(warning.file()).isEqualTo("olist_closed_deals_dataset.csv");
              assertThat(warning.line()).isGreaterThan(1);
            });
    System.out.println("Olist warning: " + result.warnings().get(0).describe());
  }
}
