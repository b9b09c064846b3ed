package org.revtrace.ingest.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.model.Money;
import org.revtrace.ingest.canonical.ImportOptions;
import org.revtrace.ingest.canonical.ImportResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Field formats of Salesforce records, the org currency and time zone, malformed records. */
class SalesforceMappingTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  private static ImportResult map(SalesforceMapping mapping, List<JsonNode> opportunities) {
    return mapping.map(
        new SalesforceExport(List.of(), opportunities, List.of(), List.of(), List.of(), Map.of()));
  }

  @Test
  void aSingleCurrencyOrgUsesItsCurrencyAndDatesAreDaysInTheOrgZone() {
    SalesforceMapping mapping =
        new SalesforceMapping(
            SalesforceStages.defaults().withOverrides(Map.of("Demo Booked", "meeting")),
            "gbp",
            ImportOptions.defaults().withDefaultZone(ZoneId.of("Europe/London")));

    ImportResult result =
        map(
            mapping,
            List.of(
                json(
                    "{\"Id\":\"006A\",\"Amount\":\"2500.75\",\"StageName\":\"Closed Won\","
                        + "\"IsClosed\":true,\"IsWon\":true,\"CloseDate\":\"2025-07-01\","
                        + "\"CreatedDate\":\"2025-06-01T12:00:00.000+0000\"}"),
                json(
                    "{\"Id\":\"006B\",\"StageName\":\"Demo Booked\",\"IsClosed\":false,"
                        + "\"IsWon\":false,\"CloseDate\":\"2025-09-30\","
                        + "\"CreatedDate\":\"2025-06-02T12:00:00Z\"}"),
                json(
                    "{\"Id\":\"006C\",\"StageName\":\"Lost to competitor\",\"IsClosed\":true,"
                        + "\"IsWon\":false,\"CreatedDate\":\"2025-06-03T12:00:00.000+0300\"}")));

    assertThat(result.errors()).isEmpty();
    var deals = result.data().deals();
    assertThat(deals.get(0).amount()).isEqualTo(new Money(250_075, "GBP"));
    // 1 July in London (BST) starts at 23:00 UTC the day before.
    assertThat(deals.get(0).closedAt()).isEqualTo(Instant.parse("2025-06-30T23:00:00Z"));
    assertThat(deals.get(1).amount()).isEqualTo(Money.zero("GBP"));
    assertThat(deals.get(1).stage()).isEqualTo("meeting");
    assertThat(deals.get(2).stage()).as("an unknown closed stage").isEqualTo("lost");
    assertThat(deals.get(2).status()).isEqualTo(DealStatus.LOST);
    assertThat(deals.get(2).createdAt()).isEqualTo(Instant.parse("2025-06-03T09:00:00Z"));
  }

  @Test
  void malformedRecordsAreErrorsAndTheRestIsKept() {
    SalesforceMapping mapping =
        new SalesforceMapping(SalesforceStages.defaults(), "USD", ImportOptions.defaults());
    ImportResult result =
        mapping.map(
            new SalesforceExport(
                List.of(
                    json("{\"Id\":\"00Q1\",\"CreatedDate\":\"01/02/2025 10:00\"}"),
                    json("{\"Id\":\"00Q2\"}")),
                List.of(
                    json(
                        "{\"Id\":\"0061\",\"CreatedDate\":\"2025-06-01T12:00:00.000+0000\","
                            + "\"Amount\":\"12,5\"}"),
                    json(
                        "{\"Id\":\"0062\",\"CreatedDate\":\"2025-06-01T12:00:00.000+0000\","
                            + "\"CloseDate\":\"30.06.2025\",\"IsClosed\":true}"),
                    json(
                        "{\"Id\":\"0063\",\"CreatedDate\":\"2025-06-01T12:00:00.000+0000\","
                            + "\"CurrencyIsoCode\":\"XX\"}"),
                    json("{\"Id\":\"0064\",\"CreatedDate\":\"2025-06-01T12:00:00.000+0000\"}")),
                List.of(
                    json("{\"OpportunityId\":\"0064\",\"CreatedDate\":\"2025-06-01T12:00:00Z\"}")),
                List.of(json("{\"Name\":\"no id\"}")),
                List.of(json("\"text\"")),
                Map.of()));

    assertThat(result.errors())
        .extracting(e -> e.file() + ":" + e.line() + " " + e.field() + " " + e.code())
        .containsExactly(
            "salesforce:Account:1 Id MISSING_VALUE",
            "salesforce:Contact:1  BAD_VALUE",
            "salesforce:Lead:1 CreatedDate BAD_TIMESTAMP",
            "salesforce:Lead:2 CreatedDate MISSING_VALUE",
            "salesforce:Opportunity:1 Amount BAD_NUMBER",
            "salesforce:Opportunity:2 CloseDate BAD_DATE",
            "salesforce:Opportunity:3 CurrencyIsoCode BAD_CURRENCY",
            "salesforce:OpportunityHistory:1 StageName MISSING_VALUE");
    assertThat(result.data().deals())
        .singleElement()
        .satisfies(d -> assertThat(d.id()).isEqualTo("0064"));
  }

  @Test
  void websitesBecomeDomains() {
    assertThat(SalesforceMapping.domain("https://www.Acme.com/about")).isEqualTo("acme.com");
    assertThat(SalesforceMapping.domain("acme.co.uk")).isEqualTo("acme.co.uk");
    assertThat(SalesforceMapping.domain("WWW.Example.org")).isEqualTo("example.org");
    assertThat(SalesforceMapping.domain(null)).isNull();
  }
}
