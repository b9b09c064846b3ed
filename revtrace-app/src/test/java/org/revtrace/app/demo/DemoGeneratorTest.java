package org.revtrace.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Checks the default demo data set against the canonical CSV contract. */
class DemoGeneratorTest {

  @TempDir static Path directory;
  static DemoSummary summary;
  static JsonNode truth;
  static final Map<CanonicalFile, DemoCsv.Table> tables = new HashMap<>();
  static final Set<String> badRowKeys = new HashSet<>();

  @BeforeAll
  static void generate() {
    summary = DemoGenerator.generate(DemoSpec.defaults(), directory);
    truth = DemoCsv.groundTruth(directory);
    for (CanonicalFile file : CanonicalFile.values()) {
      tables.put(file, DemoCsv.read(directory.resolve(file.fileName())));
    }
    for (JsonNode bad : truth.get("dirty").get("bad_rows")) {
      badRowKeys.add(bad.get("file").asString() + ":" + bad.get("line").asLong());
    }
  }

  @Test
  void writesEveryCanonicalFileWithItsExactHeader() {
    for (CanonicalFile file : CanonicalFile.values()) {
      DemoCsv.Table table = tables.get(file);
      assertThat(table.header()).as(file.fileName()).isEqualTo(file.header());
      assertThat(table.rows()).as(file.fileName()).isNotEmpty();
      assertThat(summary.rows(file.fileName())).isEqualTo(table.rows().size());
      assertThat(truth.get("counts").get(file.fileName()).asLong()).isEqualTo(table.rows().size());
    }
    assertThat(Files.exists(summary.files().get("ground_truth.json"))).isTrue();
  }

  @Test
  void everyRowParsesExceptThePlantedBadRows() {
    Map<String, List<String>> timestamps =
        Map.of(
            "touchpoints.csv", List.of("occurred_at"),
            "leads.csv", List.of("created_at", "mql_at", "sql_at", "first_response_at"),
            "deals.csv", List.of("created_at", "closed_at"),
            "stage_changes.csv", List.of("entered_at"),
            "payments.csv", List.of("paid_at"));
    Map<String, List<String>> money =
        Map.of(
            "spend.csv", List.of("cost"),
            "deals.csv", List.of("amount"),
            "payments.csv", List.of("amount"),
            "costs.csv", List.of("amount"),
            "rates.csv", List.of("rate"));
    Map<String, List<String>> dates =
        Map.of(
            "spend.csv",
            List.of("date"),
            "costs.csv",
            List.of("date"),
            "rates.csv",
            List.of("date"));
    int badSeen = 0;
    for (CanonicalFile file : CanonicalFile.values()) {
      String name = file.fileName();
      for (DemoCsv.Row row : tables.get(file).rows()) {
        boolean bad = badRowKeys.contains(name + ":" + row.line());
        try {
          for (String column : timestamps.getOrDefault(name, List.of())) {
            String value = row.get(column);
            if (!value.isEmpty() || column.equals("occurred_at") || column.equals("paid_at")) {
              OffsetDateTime.parse(value);
            }
          }
          for (String column : money.getOrDefault(name, List.of())) {
            assertThat(new BigDecimal(row.get(column)).signum()).isGreaterThanOrEqualTo(0);
          }
          for (String column : dates.getOrDefault(name, List.of())) {
            LocalDate.parse(row.get(column));
          }
          assertThat(bad).as("planted bad row %s:%d parsed", name, row.line()).isFalse();
        } catch (RuntimeException e) {
          assertThat(bad).as("%s line %d: %s", name, row.line(), e.getMessage()).isTrue();
          badSeen++;
        }
      }
    }
    assertThat(badSeen).isEqualTo(badRowKeys.size()).isBetween(1, 3);
  }

  @Test
  void idsAreUniqueExceptThePlantedDuplicates() {
    assertDuplicates(CanonicalFile.TOUCHPOINTS, "touchpoint_id", "duplicate_touchpoint_ids");
    assertDuplicates(CanonicalFile.LEADS, "lead_id", "duplicate_lead_ids");
    for (CanonicalFile file :
        List.of(
            CanonicalFile.DEALS,
            CanonicalFile.PAYMENTS,
            CanonicalFile.ACCOUNTS,
            CanonicalFile.CONTACTS)) {
      List<String> ids = tables.get(file).column(file.header().get(0));
      assertThat(new HashSet<>(ids)).as(file.fileName()).hasSize(ids.size());
    }
  }

  @Test
  void dealStatusesAndStagesAreCanonical() {
    for (DemoCsv.Row deal : tables.get(CanonicalFile.DEALS).rows()) {
      assertThat(deal.get("status")).isIn("open", "won", "lost");
      assertThat(deal.get("closed_at").isEmpty()).isEqualTo(deal.get("status").equals("open"));
      assertThat(deal.get("currency")).isIn("RUB", "USD");
    }
    Set<String> stages = new TreeSet<>(tables.get(CanonicalFile.STAGE_CHANGES).column("stage"));
    assertThat(stages)
        .containsExactlyInAnyOrder(
            "lead", "mql", "sql", "meeting", "proposal", "negotiation", "won", "lost");
    Set<String> types = new TreeSet<>(tables.get(CanonicalFile.TOUCHPOINTS).column("type"));
    assertThat(types)
        .containsExactlyInAnyOrder(
            "ad_click", "visit", "email", "webinar", "event", "call", "chat", "form", "meeting");
  }

  @Test
  void rowsReferToExistingRows() {
    Set<String> accounts = ids(CanonicalFile.ACCOUNTS, "account_id");
    Set<String> contacts = ids(CanonicalFile.CONTACTS, "contact_id");
    Set<String> deals = ids(CanonicalFile.DEALS, "deal_id");
    Set<String> leads = ids(CanonicalFile.LEADS, "lead_id");
    assertThat(ids(CanonicalFile.CONTACTS, "account_id")).isSubsetOf(accounts);
    assertThat(ids(CanonicalFile.DEALS, "account_id")).isSubsetOf(accounts);
    assertThat(ids(CanonicalFile.DEALS, "contact_id")).isSubsetOf(contacts);
    assertThat(ids(CanonicalFile.DEALS, "lead_id")).isSubsetOf(leads);
    assertThat(ids(CanonicalFile.STAGE_CHANGES, "deal_id")).isEqualTo(deals);
    assertThat(ids(CanonicalFile.PAYMENTS, "deal_id")).isSubsetOf(deals);
    assertThat(ids(CanonicalFile.PAYMENTS, "account_id")).isSubsetOf(accounts);
    assertThat(ids(CanonicalFile.LEADS, "contact_id")).isSubsetOf(contacts);
    Set<String> touchContacts = ids(CanonicalFile.TOUCHPOINTS, "contact_id");
    touchContacts.remove("");
    assertThat(touchContacts).isSubsetOf(contacts);
  }

  @Test
  void stageChangesAreInTimeOrderAndClosedDealsCloseInsideTheWindow() {
    Map<String, OffsetDateTime> last = new HashMap<>();
    OffsetDateTime windowEnd = OffsetDateTime.parse("2026-01-01T00:00:00+03:00");
    for (DemoCsv.Row change : tables.get(CanonicalFile.STAGE_CHANGES).rows()) {
      OffsetDateTime at = OffsetDateTime.parse(change.get("entered_at"));
      OffsetDateTime previous = last.put(change.get("deal_id"), at);
      assertThat(previous == null || previous.isBefore(at)).as(change.toString()).isTrue();
      assertThat(at).isBefore(windowEnd);
    }
  }

  @Test
  void spendHasTwelveChannelsTwoCurrenciesAndRatesForEveryForeignDate() {
    DemoCsv.Table spend = tables.get(CanonicalFile.SPEND);
    assertThat(new TreeSet<>(spend.column("channel"))).hasSizeGreaterThanOrEqualTo(12);
    assertThat(new TreeSet<>(spend.column("currency"))).contains("RUB", "USD");
    Set<String> rated = new HashSet<>();
    for (DemoCsv.Row rate : tables.get(CanonicalFile.RATES).rows()) {
      rated.add(rate.get("date") + " " + rate.get("currency"));
      assertThat(new BigDecimal(rate.get("rate"))).isPositive();
    }
    assertForeignDatesRated(spend, "date", rated);
    assertForeignDatesRated(tables.get(CanonicalFile.COSTS), "date", rated);
    assertForeignDatesRated(tables.get(CanonicalFile.DEALS), "created_at", rated);
    assertForeignDatesRated(tables.get(CanonicalFile.DEALS), "closed_at", rated);
    assertForeignDatesRated(tables.get(CanonicalFile.PAYMENTS), "paid_at", rated);
  }

  @Test
  void touchpointsUseTheCatalogChannelsAndTwoOffsets() {
    DemoCsv.Table touchpoints = tables.get(CanonicalFile.TOUCHPOINTS);
    Set<String> channels = new TreeSet<>(touchpoints.column("channel"));
    assertThat(channels).hasSizeGreaterThanOrEqualTo(14).contains("webinars", "direct", "seo");
    Set<String> offsets = new TreeSet<>();
    for (String at : touchpoints.column("occurred_at")) {
      offsets.add(at.substring(at.length() - 6));
    }
    assertThat(offsets).contains("+03:00", "+00:00");
  }

  @Test
  void plantedDirtIsCountedAndFindable() {
    JsonNode dirty = truth.get("dirty");
    assertThat(dirty.get("touchpoints_missing_utm").asLong()).isPositive();
    assertThat(dirty.get("touchpoints_source_variant").asLong()).isPositive();
    assertThat(dirty.get("duplicate_touchpoint_rows").asInt()).isPositive();
    assertThat(dirty.get("duplicate_lead_rows").asInt()).isPositive();
    Map<String, String> leadSources = new HashMap<>();
    for (DemoCsv.Row lead : tables.get(CanonicalFile.LEADS).rows()) {
      leadSources.put(lead.get("lead_id"), lead.get("source") + lead.get("channel"));
    }
    for (JsonNode id : dirty.get("lead_ids_without_source")) {
      assertThat(leadSources.get(id.asString())).isEmpty();
    }
    long variants =
        tables.get(CanonicalFile.TOUCHPOINTS).column("source").stream()
            .filter(
                source ->
                    source.equals("YANDEX") || source.equals("Yandex ") || source.equals("ya"))
            .count();
    assertThat(variants).isPositive();
  }

  @Test
  void groundTruthSharesSumToOneAndTheStrongestChannelLeads() {
    double sum = 0;
    String strongest = truth.get("strongest_channel").asString();
    String largestShare = null;
    double largest = -1;
    for (JsonNode channel : truth.get("channels")) {
      double share = channel.get("true_share").asDouble();
      assertThat(share).isBetween(0.0, 1.0);
      sum += share;
      if (share > largest) {
        largest = share;
        largestShare = channel.get("channel").asString();
      }
      if (channel.get("lift").asDouble() == 0) {
        assertThat(share).isZero();
      }
    }
    assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(largestShare).isEqualTo(strongest).isEqualTo("webinars");
    long won =
        tables.get(CanonicalFile.DEALS).column("status").stream().filter("won"::equals).count();
    assertThat(truth.get("won_accounts").asLong()).isEqualTo(won);
  }

  @Test
  void specRejectsUnsupportedValues() {
    DemoSpec defaults = DemoSpec.defaults();
    assertThat(defaults.endDate()).isEqualTo(LocalDate.of(2025, 12, 31));
    assertThatThrownBy(() -> defaults.withAccounts(0)).hasMessageContaining("accounts");
    assertThatThrownBy(() -> new DemoSpec(1, 10, 100, LocalDate.of(2025, 1, 1), 365, "USD", false))
        .hasMessageContaining("USD");
  }

  private static void assertDuplicates(CanonicalFile file, String column, String plantedKey) {
    Map<String, Integer> seen = new HashMap<>();
    for (String id : tables.get(file).column(column)) {
      seen.merge(id, 1, Integer::sum);
    }
    Set<String> duplicated = new TreeSet<>();
    seen.forEach(
        (id, count) -> {
          if (count > 1) {
            duplicated.add(id);
          }
        });
    Set<String> planted = new TreeSet<>();
    truth.get("dirty").get(plantedKey).forEach(id -> planted.add(id.asString()));
    assertThat(duplicated).as(file.fileName()).isEqualTo(planted).isNotEmpty();
  }

  private static Set<String> ids(CanonicalFile file, String column) {
    return new HashSet<>(tables.get(file).column(column));
  }

  private static void assertForeignDatesRated(
      DemoCsv.Table table, String column, Set<String> rated) {
    for (DemoCsv.Row row : table.rows()) {
      String currency = row.get("currency");
      String value = row.get(column);
      if (currency.equals("RUB") || value.isEmpty()) {
        continue;
      }
      String date = value.substring(0, 10);
      assertThat(rated).as("%s %s", column, row).contains(date + " " + currency);
    }
  }
}
