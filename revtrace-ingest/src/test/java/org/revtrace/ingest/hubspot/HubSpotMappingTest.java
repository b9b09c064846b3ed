package org.revtrace.ingest.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.revtrace.core.model.Account;
import org.revtrace.core.model.Contact;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.StageChange;
import org.revtrace.ingest.canonical.ImportOptions;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.canonical.PersonalData;
import org.revtrace.ingest.connect.CrmExamples;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Golden tests on real (obfuscated) HubSpot records as synced by Fivetran ({@code
 * shared/data/ad-crm-exports/hubspot-fivetran/}, read in place): each seed row is turned into the
 * shape the v3 API answers ({@code id} + {@code properties}, ISO-8601 UTC times) and mapped; and
 * malformed records.
 */
class HubSpotMappingTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  // Fivetran writes UTC without a zone and with one-digit hours: "2021-01-07 6:49:18".
  private static final DateTimeFormatter FIVETRAN =
      DateTimeFormatter.ofPattern("uuuu-MM-dd H:mm:ss[.SSS]", Locale.ROOT);

  private final HubSpotMapping mapping =
      new HubSpotMapping(HubSpotStages.defaults(), "USD", ImportOptions.defaults());

  private static List<Map<String, String>> seed(String file) {
    List<Map<String, String>> rows = new ArrayList<>();
    try (CsvReader<NamedCsvRecord> csv =
        CsvReader.builder().ofNamedCsvRecord(CrmExamples.path("hubspot-fivetran/" + file))) {
      csv.forEach(row -> rows.add(row.getFieldsAsMap()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private static Instant fivetranTime(String text) {
    return LocalDateTime.parse(text, FIVETRAN).toInstant(ZoneOffset.UTC);
  }

  /** A seed row as the search API returns it: {@code property_x} columns → {@code properties.x}. */
  private static JsonNode apiRecord(Map<String, String> row, String idColumn) {
    ObjectNode record = JSON.createObjectNode();
    record.put("id", row.get(idColumn));
    ObjectNode properties = record.putObject("properties");
    row.forEach(
        (column, value) -> {
          if (column.startsWith("property_") && !value.isEmpty()) {
            String name = column.substring("property_".length());
            properties.put(name, name.endsWith("date") ? fivetranTime(value).toString() : value);
          }
        });
    return record;
  }

  @Test
  void everyFivetranPipelineStageGetsTheStatusOfItsClosedWonFlag() {
    Map<String, ArrayNode> pipelines = new LinkedHashMap<>();
    List<Map<String, String>> rows =
        seed("deal_pipeline_stage_data.csv").stream()
            .filter(row -> row.get("_fivetran_deleted").equalsIgnoreCase("false"))
            .toList();
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode results = answer.putArray("results");
    for (Map<String, String> row : rows) {
      ArrayNode stages =
          pipelines.computeIfAbsent(
              row.get("pipeline_id"),
              id -> {
                ObjectNode pipeline = results.addObject();
                pipeline.put("id", id);
                return pipeline.putArray("stages");
              });
      ObjectNode stage = stages.addObject();
      stage.put("id", row.get("stage_id"));
      stage.put("label", row.get("label"));
      stage
          .putObject("metadata")
          .put("isClosed", row.get("is_closed").toLowerCase(Locale.ROOT))
          .put("probability", row.get("probability"));
    }
    HubSpotStages stages = HubSpotStages.defaults().withPipelines(answer);

    assertThat(rows).hasSize(69);
    assertThat(stages.size()).isEqualTo(69);
    int won = 0;
    for (Map<String, String> row : rows) {
      boolean closed = Boolean.parseBoolean(row.get("is_closed").toLowerCase(Locale.ROOT));
      boolean closedWon = Boolean.parseBoolean(row.get("closed_won").toLowerCase(Locale.ROOT));
      DealStatus expected = closedWon ? DealStatus.WON : closed ? DealStatus.LOST : DealStatus.OPEN;
      DealStatus status = stages.status(row.get("stage_id"), null, null);
      assertThat(status).as(row.get("stage_id")).isEqualTo(expected);
      assertThat(stages.stage(row.get("stage_id"), status))
          .isEqualTo(closedWon ? "won" : row.get("label"));
      won += status == DealStatus.WON ? 1 : 0;
    }
    assertThat(won).isEqualTo(5);
  }

  @Test
  void everyFivetranCompanyContactDealAndStageEntryIsMapped() {
    List<Map<String, String>> companies = seed("company_data.csv");
    List<Map<String, String>> contacts = seed("contact_data.csv");
    List<Map<String, String>> deals = seed("deal_data.csv");
    List<Map<String, String>> stageRows = seed("deal_stage_data.csv");
    Map<String, ObjectNode> history = new LinkedHashMap<>();
    for (Map<String, String> row : stageRows) {
      ObjectNode deal =
          history.computeIfAbsent(
              row.get("deal_id"),
              id -> {
                ObjectNode node = JSON.createObjectNode();
                node.put("id", id);
                node.putObject("propertiesWithHistory").putArray("dealstage");
                return node;
              });
      ((ArrayNode) deal.path("propertiesWithHistory").path("dealstage"))
          .addObject()
          .put("value", row.get("value"))
          .put("timestamp", fivetranTime(row.get("date_entered")).toString())
          .put("sourceType", row.get("source"));
    }

    ImportResult result =
        mapping.map(
            new HubSpotExport(
                companies.stream().map(row -> apiRecord(row, "id")).toList(),
                contacts.stream().map(row -> apiRecord(row, "id")).toList(),
                deals.stream().map(row -> apiRecord(row, "deal_id")).toList(),
                List.copyOf(history.values()),
                Map.of(),
                Map.of(),
                Map.of()));

    assertThat(result.errors()).isEmpty();
    assertThat(result.data().accounts()).hasSize(24);
    assertThat(result.data().accounts())
        .extracting(Account::region)
        .containsOnly("United States", "United Kingdom");
    assertThat(result.data().accounts().get(0))
        .extracting(Account::id, Account::name)
        .containsExactly("2182162682", "4b2c13cca3eb58ee49bbddcf00417130");

    PersonalData personal = new PersonalData(PersonalData.DEFAULT_SALT);
    assertThat(result.data().contacts()).hasSize(22);
    assertThat(result.data().leads()).hasSize(22);
    for (int i = 0; i < contacts.size(); i++) {
      Map<String, String> row = contacts.get(i);
      Lead lead = result.data().leads().get(i);
      Contact contact = result.data().contacts().get(i);
      assertThat(lead.id()).isEqualTo(row.get("id")).isEqualTo(contact.id());
      assertThat(lead.createdAt()).isEqualTo(fivetranTime(row.get("property_createdate")));
      assertThat(contact.email()).isEqualTo(personal.hashEmail(row.get("property_email")));
    }

    assertThat(result.data().deals()).hasSize(44);
    for (int i = 0; i < deals.size(); i++) {
      Deal deal = result.data().deals().get(i);
      assertThat(deal.id()).isEqualTo(deals.get(i).get("deal_id"));
      assertThat(deal.createdAt()).isEqualTo(fivetranTime(deals.get(i).get("property_createdate")));
      // The seed deals have no amount and no stage: zero in the portal currency, open.
      assertThat(deal.amount()).isEqualTo(Money.zero("USD"));
      assertThat(deal.status()).isEqualTo(DealStatus.OPEN);
    }

    assertThat(result.data().stageChanges()).hasSize(14);
    for (int i = 0; i < stageRows.size(); i++) {
      StageChange change = result.data().stageChanges().get(i);
      assertThat(change.dealId()).isEqualTo(stageRows.get(i).get("deal_id"));
      assertThat(change.stage()).isEqualTo(stageRows.get(i).get("value"));
      assertThat(change.enteredAt()).isEqualTo(fivetranTime(stageRows.get(i).get("date_entered")));
    }
  }

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  @Test
  void malformedRecordsAreErrorsNamingSourceLineAndPropertyAndTheRestIsKept() {
    ImportResult result =
        mapping.map(
            new HubSpotExport(
                List.of(json("{\"properties\":{\"name\":\"no id\"}}"), json("[1]")),
                List.of(json("{\"id\":\"1\",\"properties\":{\"createdate\":\"20.01.2025\"}}")),
                List.of(
                    json(
                        "{\"id\":\"7\",\"properties\":{\"createdate\":\"2025-01-01T00:00:00Z\","
                            + "\"amount\":\"1 500,00\"}}"),
                    json(
                        "{\"id\":\"8\",\"properties\":{\"createdate\":\"2025-01-01T00:00:00Z\","
                            + "\"amount\":\"10\",\"deal_currency_code\":\"euro\"}}"),
                    json(
                        "{\"id\":\"9\",\"properties\":{\"createdate\":\"2025-01-01T00:00:00Z\","
                            + "\"amount\":\"-5\"}}"),
                    json(
                        "{\"id\":\"10\",\"properties\":{\"createdate\":\"2025-01-01T00:00:00Z\","
                            + "\"amount\":\"99.99\",\"dealstage\":\"closedlost\","
                            + "\"closedate\":\"2025-02-01T00:00:00Z\"}}"),
                    json(
                        "{\"id\":\"10\",\"properties\":{\"createdate\":\"2025-01-01T00:00:00Z\"}}"),
                    json("{\"id\":\"11\",\"properties\":{}}")),
                List.of(
                    json(
                        "{\"id\":\"10\",\"propertiesWithHistory\":{\"dealstage\":["
                            + "{\"value\":\"closedlost\",\"timestamp\":\"yesterday\"}]}}")),
                Map.of(),
                Map.of(),
                Map.of()));

    assertThat(result.errors())
        .extracting(e -> e.file() + ":" + e.line() + " " + e.field() + " " + e.code())
        .containsExactly(
            "hubspot:companies:1 id MISSING_VALUE",
            "hubspot:companies:2  BAD_VALUE",
            "hubspot:contacts:1 createdate BAD_TIMESTAMP",
            "hubspot:deals:1 amount BAD_NUMBER",
            "hubspot:deals:2 deal_currency_code BAD_CURRENCY",
            "hubspot:deals:3 amount NEGATIVE_VALUE",
            "hubspot:deals:5 id DUPLICATE_ID",
            "hubspot:deals:6 createdAt MISSING_VALUE",
            "hubspot:deals.dealstage:1 timestamp BAD_TIMESTAMP");
    assertThat(result.data().deals())
        .singleElement()
        .satisfies(
            deal -> {
              assertThat(deal.amount()).isEqualTo(new Money(9999, "USD"));
              assertThat(deal.status()).isEqualTo(DealStatus.LOST);
              assertThat(deal.stage()).isEqualTo("lost");
              assertThat(deal.closedAt()).isEqualTo(Instant.parse("2025-02-01T00:00:00Z"));
            });
  }

  @Test
  void utmTagsComeFromTheFirstPageUrl() {
    assertThat(
            HubSpotMapping.utmOf(
                "https://example.com/?utm_source=Yandex&utm_medium=CPC&utm_campaign=spring%20sale"
                    + "&utm_term=crm+system&gclid=abc"))
        .satisfies(
            utm -> {
              assertThat(utm.source()).isEqualTo("Yandex");
              assertThat(utm.medium()).isEqualTo("CPC");
              assertThat(utm.campaign()).isEqualTo("spring%20sale");
              assertThat(utm.term()).isEqualTo("crm+system");
            });
    assertThat(HubSpotMapping.utmOf("https://example.com/pricing").isEmpty()).isTrue();
    assertThat(HubSpotMapping.utmOf("not a url ?utm_source=x").source()).isEqualTo("x");
  }
}
