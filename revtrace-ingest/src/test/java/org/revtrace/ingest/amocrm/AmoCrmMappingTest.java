package org.revtrace.ingest.amocrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

/** Golden tests on amoCRM's official example answers, and malformed records. */
class AmoCrmMappingTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AmoCrmStatuses statuses =
      AmoCrmStatuses.defaults()
          .withPipelines(CrmExamples.json("amocrm/api_v4_leads_pipelines.response.json"));
  private final AmoCrmMapping mapping =
      new AmoCrmMapping(statuses, "RUB", ImportOptions.defaults());

  private static List<JsonNode> embedded(String file, String entity) {
    List<JsonNode> records = new ArrayList<>();
    CrmExamples.json("amocrm/" + file).path("_embedded").path(entity).forEach(records::add);
    return records;
  }

  private ImportResult officialExamples() {
    List<JsonNode> leads = embedded("api_v4_leads.response.json", "leads");
    leads.add(CrmExamples.json("amocrm/api_v4_leads_id.response.json"));
    return mapping.map(
        new AmoCrmExport(leads, embedded("api_v4_contacts.response.json", "contacts"), List.of()));
  }

  @Test
  void everyOfficialExampleRecordIsMappedToALeadAndItsDeal() {
    ImportResult result = officialExamples();

    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).isEmpty();
    assertThat(result.data().leads())
        .extracting(Lead::id)
        .containsExactly("19619", "14460", "3912171");
    assertThat(result.data().deals())
        .extracting(Deal::id, Deal::leadId, Deal::status, Deal::stage, Deal::amount)
        .containsExactly(
            tuple("19619", "19619", DealStatus.WON, "won", new Money(4_633_300, "RUB")),
            tuple("14460", "14460", DealStatus.WON, "won", new Money(65_500, "RUB")),
            tuple("3912171", "3912171", DealStatus.LOST, "lost", new Money(1_200, "RUB")));
    assertThat(result.data().contacts())
        .extracting(Contact::id)
        .containsExactly("7143599", "7767065");
    assertThat(result.data().stageChanges()).isEmpty(); // not in the leads endpoint
  }

  @Test
  void timesAndLinksOfTheLostLead() {
    Deal lost = officialExamples().data().deals().get(2);
    Lead lead = officialExamples().data().leads().get(2);

    assertThat(lost.createdAt()).isEqualTo(Instant.ofEpochSecond(1585299171));
    assertThat(lost.closedAt()).isEqualTo(Instant.ofEpochSecond(1590683337));
    assertThat(lost.accountId()).isEqualTo("10971463");
    assertThat(lost.contactId()).isEqualTo("10971465");
    assertThat(lead.contactId()).isEqualTo("10971465");
    assertThat(lead.utm()).isEqualTo(Utm.NONE);
  }

  @Test
  void pipelineStatusesMapByName() {
    // The example pipeline "Воронка": Неразобранное, Первичный контакт, Принимают решение, 142,
    // 143.
    assertThat(statuses.stage(32392156)).isEqualTo("lead");
    assertThat(statuses.stage(32392159)).isEqualTo("sql");
    assertThat(statuses.stage(32392165)).isEqualTo("proposal");
    assertThat(statuses.stage(AmoCrmStatuses.WON)).isEqualTo("won");
    assertThat(statuses.stage(AmoCrmStatuses.LOST)).isEqualTo("lost");
    assertThat(statuses.stage(555)).isEqualTo("555");
    assertThat(statuses.withOverrides(Map.of("ПРИНИМАЮТ  решение", "negotiation")).stage(32392165))
        .isEqualTo("negotiation");
    assertThat(AmoCrmStatuses.status(32392165)).isEqualTo(DealStatus.OPEN);
  }

  @Test
  void utmAndPersonalDataComeFromCustomFields() {
    JsonNode lead =
        JSON.readTree(
            """
            {"id": 7, "price": 15000, "status_id": 32392159, "created_at": 1740812400,
             "custom_fields_values": [
               {"field_id": 1, "field_code": "UTM_SOURCE", "values": [{"value": "Yandex"}]},
               {"field_id": 2, "field_code": "UTM_MEDIUM", "values": [{"value": "CPC"}]},
               {"field_id": 3, "field_code": "UTM_CAMPAIGN", "values": [{"value": "brand%20ru"}]}],
             "_embedded": {"contacts": [{"id": 1, "is_main": false}, {"id": 2, "is_main": true}],
                           "companies": [{"id": 9}]}}
            """);
    JsonNode contact =
        JSON.readTree(
            """
            {"id": 2, "name": "Анна",
             "custom_fields_values": [
               {"field_code": "EMAIL", "values": [{"value": " Anna@Example.com ", "enum_code": "WORK"}]},
               {"field_code": "PHONE", "values": [{"value": "8 (903) 123-45-67"}]}],
             "_embedded": {"companies": [{"id": 9}]}}
            """);
    JsonNode company = JSON.readTree("{\"id\": 9, \"name\": \"ООО Ромашка\"}");

    ImportResult result =
        mapping.map(new AmoCrmExport(List.of(lead), List.of(contact), List.of(company)));
    PersonalData personal = new PersonalData(PersonalData.DEFAULT_SALT);

    assertThat(result.errors()).isEmpty();
    assertThat(result.data().leads().get(0).utm())
        .isEqualTo(new Utm("yandex", "cpc", "brand ru", null, null));
    assertThat(result.data().leads().get(0).contactId()).isEqualTo("2");
    assertThat(result.data().deals().get(0).stage()).isEqualTo("sql");
    assertThat(result.data().deals().get(0).closedAt()).isNull();
    assertThat(result.data().contacts().get(0))
        .isEqualTo(
            new Contact(
                "2",
                "9",
                personal.hashEmail("anna@example.com"),
                personal.hashPhone("79031234567"),
                null));
    assertThat(result.data().accounts().get(0).name()).isEqualTo("ООО Ромашка");
  }

  @Test
  void anInvalidAccountCurrencyIsAConfigurationError() {
    assertThatThrownBy(() -> new AmoCrmMapping(statuses, "руб", ImportOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("руб");
    assertThat(
            new AmoCrmMapping(statuses, " ", ImportOptions.defaults().withReportingCurrency("EUR"))
                .map(
                    new AmoCrmExport(
                        List.of(
                            JSON.readTree(
                                "{\"id\": 1, \"price\": 10, \"status_id\": 142, \"created_at\": 1}")),
                        List.of(),
                        List.of()))
                .data()
                .deals()
                .get(0)
                .amount())
        .isEqualTo(new Money(1_000, "EUR"));
  }

  @Test
  void malformedRecordsAreRowErrorsAndDeletedLeadsAreSkipped() {
    List<JsonNode> leads =
        List.of(
            JSON.readTree("{\"id\": 1, \"price\": 10, \"status_id\": 142, \"created_at\": 1}"),
            JSON.readTree("{\"id\": 2, \"price\": 10, \"status_id\": 142}"),
            JSON.readTree("{\"id\": 3, \"price\": \"ten\", \"status_id\": 142, \"created_at\": 1}"),
            JSON.readTree(
                "{\"id\": 4, \"price\": 1, \"status_id\": 142, \"created_at\": \"2025-03-01\"}"),
            JSON.readTree("{\"id\": 5, \"price\": 1, \"status_id\": \"x\", \"created_at\": 1}"),
            JSON.readTree(
                "{\"id\": 6, \"price\": 1, \"status_id\": 1, \"created_at\": 1, \"is_deleted\": true}"),
            JSON.readTree("{\"id\": 1, \"price\": 1, \"status_id\": 1, \"created_at\": 1}"),
            JSON.readTree("\"oops\""));

    ImportResult result = mapping.map(new AmoCrmExport(leads, List.of(), List.of()));

    assertThat(result.data().deals()).extracting(Deal::id).containsExactly("1");
    assertThat(result.errors())
        .extracting(RowError::file, RowError::line, RowError::field, RowError::code, RowError::raw)
        .containsExactly(
            tuple("amocrm:/api/v4/leads", 2L, "created_at", ErrorCode.MISSING_VALUE, ""),
            tuple("amocrm:/api/v4/leads", 3L, "price", ErrorCode.BAD_NUMBER, "ten"),
            tuple("amocrm:/api/v4/leads", 4L, "created_at", ErrorCode.BAD_TIMESTAMP, "2025-03-01"),
            tuple("amocrm:/api/v4/leads", 5L, "status_id", ErrorCode.BAD_VALUE, "x"),
            tuple("amocrm:/api/v4/leads", 7L, "id", ErrorCode.DUPLICATE_ID, "1"),
            tuple("amocrm:/api/v4/leads", 8L, "", ErrorCode.BAD_VALUE, "\"oops\""));
    // The deleted lead (6) is skipped on purpose: neither kept nor quarantined.
    assertThat(result.summary())
        .contains(
            "amocrm:/api/v4/leads: 7 rows, 1 kept, 6 quarantined (2 BAD_VALUE, 1 BAD_NUMBER,"
                + " 1 BAD_TIMESTAMP, 1 DUPLICATE_ID, 1 MISSING_VALUE)");
  }
}
