package org.revtrace.ingest.hubspot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Raw records read from HubSpot, in the order the API returned them.
 *
 * @param companies company search results ({@code id}, {@code properties})
 * @param contacts contact search results
 * @param deals deal search results
 * @param dealHistory deal batch-read results with {@code propertiesWithHistory.dealstage}
 * @param dealContacts contact ids associated with each deal id (primary first)
 * @param dealCompanies company ids associated with each deal id (primary first)
 * @param contactCompanies company ids associated with each contact id (primary first)
 */
public record HubSpotExport(
    List<JsonNode> companies,
    List<JsonNode> contacts,
    List<JsonNode> deals,
    List<JsonNode> dealHistory,
    Map<String, List<String>> dealContacts,
    Map<String, List<String>> dealCompanies,
    Map<String, List<String>> contactCompanies) {

  public HubSpotExport {
    companies = List.copyOf(companies);
    contacts = List.copyOf(contacts);
    deals = List.copyOf(deals);
    dealHistory = List.copyOf(dealHistory);
    dealContacts = copy(dealContacts);
    dealCompanies = copy(dealCompanies);
    contactCompanies = copy(contactCompanies);
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> links) {
    Map<String, List<String>> copied = new LinkedHashMap<>();
    links.forEach((id, targets) -> copied.put(id, List.copyOf(targets)));
    return java.util.Collections.unmodifiableMap(copied);
  }
}
