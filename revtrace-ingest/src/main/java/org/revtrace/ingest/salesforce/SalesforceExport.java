package org.revtrace.ingest.salesforce;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Raw records read from Salesforce, in the order the API returned them.
 *
 * @param leads {@code Lead} records
 * @param opportunities {@code Opportunity} records
 * @param history {@code OpportunityHistory} records (append-only stage history)
 * @param accounts {@code Account} records
 * @param contacts {@code Contact} records
 * @param conversions for an opportunity id, the lead converted into it: {@code Id} and {@code
 *     ConvertedContactId} of that lead (read for every opportunity of the sync, whenever the lead
 *     was converted)
 */
public record SalesforceExport(
    List<JsonNode> leads,
    List<JsonNode> opportunities,
    List<JsonNode> history,
    List<JsonNode> accounts,
    List<JsonNode> contacts,
    Map<String, JsonNode> conversions) {

  public SalesforceExport {
    leads = List.copyOf(leads);
    opportunities = List.copyOf(opportunities);
    history = List.copyOf(history);
    accounts = List.copyOf(accounts);
    contacts = List.copyOf(contacts);
    conversions = Map.copyOf(conversions);
  }
}
