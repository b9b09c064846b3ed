package org.revtrace.ingest.bitrix24;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.revtrace.core.model.Contact;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.RowError;
import org.revtrace.core.model.Utm;
import org.revtrace.ingest.canonical.ImportOptions;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.canonical.PersonalData;
import org.revtrace.ingest.connect.CrmExamples;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Golden tests on Bitrix24's official example answers, and malformed records. */
class Bitrix24MappingTest {

  private final Bitrix24Mapping mapping =
      new Bitrix24Mapping(Bitrix24Stages.defaults(), ImportOptions.defaults());

  private static List<JsonNode> list(String file) {
    List<JsonNode> records = new ArrayList<>();
    CrmExamples.json("bitrix24/" + file).path("result").forEach(records::add);
    return records;
  }

  private static JsonNode one(String file) {
    return CrmExamples.json("bitrix24/" + file).path("result");
  }

  private static List<JsonNode> history(String file) {
    List<JsonNode> records = new ArrayList<>();
    CrmExamples.json("bitrix24/" + file).path("result").path("items").forEach(records::add);
    return records;
  }

  private static Bitrix24Export officialExamples(String folder) {
    List<JsonNode> leads = list(folder + "crm.lead.list.response.json");
    leads.add(one(folder + "crm.lead.get.response.json"));
    List<JsonNode> deals = list(folder + "crm.deal.list.response.json");
    deals.add(one(folder + "crm.deal.get.response.json"));
    return new Bitrix24Export(
        leads,
        deals,
        history(folder + "crm.stagehistory.list.response.json"),
        list(folder + "crm.contact.list.response.json"),
        List.of());
  }

  @Test
  void everyOfficialExampleRecordIsMapped() {
    ImportResult result = mapping.map(officialExamples(""));

    assertThat(result.errors()).isEmpty();
    assertThat(result.data().leads()).extracting(Lead::id).containsExactly("5", "6", "123");
    assertThat(result.data().deals())
        .extracting(Deal::id)
        .containsExactly("37", "38", "39", "40", "41", "42", "410");
    assertThat(result.data().contacts())
        .extracting(Contact::id)
        .containsExactly("75", "74", "78", "77", "73");
    assertThat(result.data().stageChanges())
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.dealId()).isEqualTo("21");
              assertThat(change.stage()).isEqualTo("sql");
              assertThat(change.enteredAt()).isEqualTo(Instant.parse("2024-04-25T14:59:11Z"));
            });
  }

  @Test
  void theRussianExamplesMapToTheSameRecords() {
    ImportResult result = mapping.map(officialExamples("ru/"));

    assertThat(result.errors()).isEmpty();
    assertThat(result.data().deals()).hasSize(7);
    assertThat(result.data().leads()).hasSize(3);
    assertThat(result.data().contacts()).hasSize(5);
  }

  @Test
  void dealFieldsFromTheListAndGetExamples() {
    ImportResult result = mapping.map(officialExamples(""));
    Deal listed = result.data().deals().get(0);
    Deal full = result.data().deals().get(6);

    // crm.deal.list example: pipeline 1 stage C1:NEW, no CURRENCY_ID selected → reporting currency.
    assertThat(listed.amount()).isEqualTo(new Money(1_999_999, "RUB"));
    assertThat(listed.stage()).isEqualTo("sql");
    assertThat(listed.status()).isEqualTo(DealStatus.OPEN);
    assertThat(listed.createdAt()).isEqualTo(Instant.parse("2024-09-02T16:37:18Z"));
    // crm.deal.get example: 1000000.00 EUR, PREPARATION with semantics P, company 9, contact 84.
    assertThat(full.amount()).isEqualTo(new Money(100_000_000, "EUR"));
    assertThat(full.stage()).isEqualTo("proposal");
    assertThat(full.status()).isEqualTo(DealStatus.OPEN);
    assertThat(full.closedAt()).isNull();
    assertThat(full.accountId()).isEqualTo("9");
    assertThat(full.contactId()).isEqualTo("84");
    assertThat(full.leadId()).isNull();
    assertThat(result.data().touchpoints())
        .singleElement()
        .satisfies(
            touch -> {
              assertThat(touch.id()).isEqualTo("bitrix24-deal-410");
              assertThat(touch.utm()).isEqualTo(new Utm("google", "cpc", null, null, null));
              assertThat(touch.contactId()).isEqualTo("84");
              assertThat(touch.occurredAt()).isEqualTo(Instant.parse("2024-08-30T12:29:00Z"));
            });
  }

  @Test
  void leadAndContactFieldsWithPersonalDataHashed() {
    ImportResult result = mapping.map(officialExamples(""));
    Lead converted = result.data().leads().get(0);
    Lead inProcess = result.data().leads().get(2);
    PersonalData personal = new PersonalData(PersonalData.DEFAULT_SALT);

    assertThat(converted.createdAt()).isEqualTo(Instant.parse("2021-05-31T13:10:16Z"));
    assertThat(converted.contactId()).isEqualTo("2069");
    assertThat(converted.accountId()).isNull(); // COMPANY_ID "0" means no company
    assertThat(converted.sqlAt()).isEqualTo(Instant.parse("2021-07-16T14:43:44Z"));
    assertThat(inProcess.sqlAt()).isNull();
    assertThat(inProcess.phone()).isEqualTo(personal.hashPhone("+15454777777"));
    assertThat(result.data().contacts().get(0).email())
        .isEqualTo(personal.hashEmail("special-for@example.com"))
        .doesNotContain("special-for")
        .endsWith("@example.com");
  }

  @Test
  void everyStageOfTheStatusListExampleHasADefaultFunnelStageAndTheRightStatus() {
    Bitrix24Stages stages = Bitrix24Stages.defaults();
    List<String> mapped = new ArrayList<>();
    for (JsonNode status :
        CrmExamples.json("bitrix24/crm.status.list.response.json").path("result")) {
      String id = status.path("STATUS_ID").asString();
      String semantics = status.path("EXTRA").path("SEMANTICS").asString();
      DealStatus expected =
          switch (semantics) {
            case "success" -> DealStatus.WON;
            case "failure", "apology" -> DealStatus.LOST;
            default -> DealStatus.OPEN;
          };
      assertThat(Bitrix24Stages.status(id, null)).as(id).isEqualTo(expected);
      mapped.add(stages.stage("C3:" + id));
    }
    assertThat(mapped)
        .containsExactly(
            "sql", "proposal", "negotiation", "negotiation", "negotiation", "won", "lost", "lost");
  }

  @Test
  void overridesWinAndUnknownStagesPassThroughWithoutThePrefix() {
    Bitrix24Stages stages =
        Bitrix24Stages.defaults().withOverrides(Map.of("EXECUTING", "meeting", "C2:NEW", "lead"));

    assertThat(stages.stage("C1:EXECUTING")).isEqualTo("meeting");
    assertThat(stages.stage("C2:NEW")).isEqualTo("lead");
    assertThat(stages.stage("C1:NEW")).isEqualTo("sql");
    assertThat(stages.stage("C7:UC_8XK2QZ")).isEqualTo("UC_8XK2QZ");
    assertThat(Bitrix24Stages.status("C7:UC_8XK2QZ", "F")).isEqualTo(DealStatus.LOST);
  }

  @Test
  void malformedRecordsAreRowErrorsAndTheOthersAreKept() {
    JsonMapper json = JsonMapper.builder().build();
    List<JsonNode> deals =
        List.of(
            json.readTree(
                "{\"ID\":\"1\",\"DATE_CREATE\":\"2025-03-01T10:00:00+03:00\",\"OPPORTUNITY\":\"15000.50\",\"CURRENCY_ID\":\"RUB\",\"STAGE_ID\":\"WON\",\"STAGE_SEMANTIC_ID\":\"S\",\"CLOSEDATE\":\"2025-03-05T00:00:00+03:00\"}"),
            json.readTree("{\"ID\":\"2\",\"DATE_CREATE\":\"01.03.2025 10:00\"}"),
            json.readTree(
                "{\"ID\":\"3\",\"DATE_CREATE\":\"2025-03-01T10:00:00+03:00\",\"OPPORTUNITY\":\"15 000,50\"}"),
            json.readTree(
                "{\"ID\":\"4\",\"DATE_CREATE\":\"2025-03-01T10:00:00+03:00\",\"CURRENCY_ID\":\"РУБ\"}"),
            json.readTree("{\"DATE_CREATE\":\"2025-03-01T10:00:00+03:00\"}"),
            json.readTree(
                "{\"ID\":\"1\",\"DATE_CREATE\":\"2025-03-02T10:00:00+03:00\",\"OPPORTUNITY\":\"-5\"}"),
            json.readTree(
                "{\"ID\":\"1\",\"DATE_CREATE\":\"2025-03-02T10:00:00+03:00\",\"STAGE_ID\":\"LOSE\"}"),
            json.readTree("[1]"));

    ImportResult result =
        mapping.map(new Bitrix24Export(List.of(), deals, List.of(), List.of(), List.of()));

    assertThat(result.data().deals())
        .singleElement()
        .satisfies(
            deal -> {
              assertThat(deal.amount()).isEqualTo(new Money(1_500_050, "RUB"));
              assertThat(deal.status()).isEqualTo(DealStatus.WON);
              assertThat(deal.stage()).isEqualTo("won");
              assertThat(deal.closedAt()).isEqualTo(Instant.parse("2025-03-04T21:00:00Z"));
            });
    assertThat(result.errors())
        .extracting(RowError::file, RowError::line, RowError::field, RowError::code, RowError::raw)
        .containsExactly(
            tuple(
                "bitrix24:crm.deal.list",
                2L,
                "DATE_CREATE",
                ErrorCode.BAD_TIMESTAMP,
                "01.03.2025 10:00"),
            tuple("bitrix24:crm.deal.list", 3L, "OPPORTUNITY", ErrorCode.BAD_NUMBER, "15 000,50"),
            tuple("bitrix24:crm.deal.list", 4L, "CURRENCY_ID", ErrorCode.BAD_CURRENCY, "РУБ"),
            tuple("bitrix24:crm.deal.list", 5L, "ID", ErrorCode.MISSING_VALUE, ""),
            tuple("bitrix24:crm.deal.list", 6L, "OPPORTUNITY", ErrorCode.NEGATIVE_VALUE, "-5"),
            tuple("bitrix24:crm.deal.list", 7L, "ID", ErrorCode.DUPLICATE_ID, "1"),
            tuple("bitrix24:crm.deal.list", 8L, "", ErrorCode.BAD_VALUE, "[1]"));
    assertThat(result.summary())
        .contains(
            "bitrix24:crm.deal.list: 8 rows, 1 kept, 7 quarantined (1 BAD_CURRENCY, 1 BAD_NUMBER,"
                + " 1 BAD_TIMESTAMP, 1 BAD_VALUE, 1 DUPLICATE_ID, 1 MISSING_VALUE, 1 NEGATIVE_VALUE)")
        .contains("bitrix24:crm.lead.list: 0 rows, 0 kept, 0 quarantined");
    assertThat(result.files().get(3).duplicates()).isEqualTo(1);
  }

  @Test
  void aDealCreatedBeforeItsLeadIsKeptWithAWarningPointingAtItsRecord() {
    JsonMapper json = JsonMapper.builder().build();
    ImportResult result =
        mapping.map(
            new Bitrix24Export(
                List.of(
                    json.readTree("{\"ID\":\"7\",\"DATE_CREATE\":\"2025-03-02T10:00:00+03:00\"}")),
                List.of(
                    json.readTree(
                        "{\"ID\":\"70\",\"LEAD_ID\":\"7\",\"DATE_CREATE\":\"2025-03-01T10:00:00+03:00\"}")),
                List.of(),
                List.of(),
                List.of()));

    assertThat(result.data().deals()).hasSize(1);
    assertThat(result.warnings())
        .extracting(RowError::file, RowError::line, RowError::field, RowError::code)
        .containsExactly(tuple("bitrix24:crm.deal.list", 1L, "created_at", ErrorCode.OUT_OF_ORDER));
  }
}
