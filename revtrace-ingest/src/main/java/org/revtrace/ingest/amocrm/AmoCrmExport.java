package org.revtrace.ingest.amocrm;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Raw records read from amoCRM, one list per endpoint, in the order the API returned them.
 *
 * @param leads {@code /api/v4/leads?with=contacts} (amoCRM's "leads" are deals)
 * @param contacts {@code /api/v4/contacts}
 * @param companies {@code /api/v4/companies}
 */
public record AmoCrmExport(
    List<JsonNode> leads, List<JsonNode> contacts, List<JsonNode> companies) {

  public AmoCrmExport {
    leads = List.copyOf(leads);
    contacts = List.copyOf(contacts);
    companies = List.copyOf(companies);
  }
}
