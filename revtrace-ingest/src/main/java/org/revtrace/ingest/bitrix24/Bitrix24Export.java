package org.revtrace.ingest.bitrix24;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Raw records read from Bitrix24, one list per method, in the order the API returned them (the
 * order gives the record numbers in errors).
 *
 * @param leads {@code crm.lead.list}
 * @param deals {@code crm.deal.list}
 * @param stageHistory {@code crm.stagehistory.list} for deals ({@code entityTypeId=2})
 * @param contacts {@code crm.contact.list}
 * @param companies {@code crm.company.list}
 */
public record Bitrix24Export(
    List<JsonNode> leads,
    List<JsonNode> deals,
    List<JsonNode> stageHistory,
    List<JsonNode> contacts,
    List<JsonNode> companies) {

  public Bitrix24Export {
    leads = List.copyOf(leads);
    deals = List.copyOf(deals);
    stageHistory = List.copyOf(stageHistory);
    contacts = List.copyOf(contacts);
    companies = List.copyOf(companies);
  }
}
