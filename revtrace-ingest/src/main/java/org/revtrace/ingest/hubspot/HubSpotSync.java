package org.revtrace.ingest.hubspot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.revtrace.ingest.connect.ApiRecord;
import org.revtrace.ingest.connect.SyncCursor;
import org.revtrace.ingest.connect.SyncResult;
import tools.jackson.databind.JsonNode;

/**
 * One incremental sync of a HubSpot portal: reads the deal pipelines (stage labels and closing
 * metadata), then companies, contacts and deals modified at or after their cursors (CRM search,
 * {@code hs_lastmodifieddate} / contacts' {@code lastmodifieddate} {@code GTE}), the associations
 * of the contacts and deals read (deal → contacts, deal → companies, contact → companies) and the
 * stage history of the deals read; maps them and returns the moved cursors. Without a cursor (the
 * first sync) everything is read.
 */
public final class HubSpotSync {

  /** The source name in cursors. */
  public static final String SOURCE = "hubspot";

  static final List<String> COMPANY_PROPERTIES =
      List.of("name", "domain", "industry", "numberofemployees", "country", "createdate");
  static final List<String> CONTACT_PROPERTIES =
      List.of(
          "email",
          "phone",
          "mobilephone",
          "jobtitle",
          "associatedcompanyid",
          "createdate",
          "lifecyclestage",
          "hs_lifecyclestage_marketingqualifiedlead_date",
          "hs_lifecyclestage_salesqualifiedlead_date",
          "hs_analytics_source",
          "hs_analytics_first_url");
  static final List<String> DEAL_PROPERTIES =
      List.of(
          "amount",
          "deal_currency_code",
          "createdate",
          "closedate",
          "dealstage",
          "pipeline",
          "hs_is_closed_won",
          "hs_is_closed");

  private final HubSpotClient client;
  private final HubSpotMapping mapping;
  private final HubSpotStages stages;

  public HubSpotSync(HubSpotClient client, HubSpotMapping mapping, HubSpotStages stages) {
    this.client = client;
    this.mapping = mapping;
    this.stages = stages;
  }

  /** Reads what changed since {@code previous} and maps it. */
  public SyncResult sync(List<SyncCursor> previous) {
    HubSpotStages withPipelines = stages.withPipelines(client.get("/crm/v3/pipelines/deals"));
    List<SyncCursor> cursors = new ArrayList<>();
    List<JsonNode> companies =
        read("companies", "hs_lastmodifieddate", COMPANY_PROPERTIES, previous, cursors);
    List<JsonNode> contacts =
        read("contacts", "lastmodifieddate", CONTACT_PROPERTIES, previous, cursors);
    List<JsonNode> deals = read("deals", "hs_lastmodifieddate", DEAL_PROPERTIES, previous, cursors);
    List<String> contactIds = ids(contacts);
    List<String> dealIds = ids(deals);
    Map<String, List<String>> contactCompanies =
        client.associations("contacts", "companies", contactIds);
    Map<String, List<String>> dealContacts = client.associations("deals", "contacts", dealIds);
    Map<String, List<String>> dealCompanies = client.associations("deals", "companies", dealIds);
    List<JsonNode> history =
        client.batchRead("deals", dealIds, List.of("dealstage"), List.of("dealstage"));
    HubSpotExport export =
        new HubSpotExport(
            companies, contacts, deals, history, dealContacts, dealCompanies, contactCompanies);
    return new SyncResult(mapping.withStages(withPipelines).map(export), cursors);
  }

  private List<JsonNode> read(
      String objectType,
      String modifiedProperty,
      List<String> properties,
      List<SyncCursor> previous,
      List<SyncCursor> cursors) {
    SyncCursor cursor =
        previous.stream()
            .filter(c -> c.source().equals(SOURCE) && c.entity().equals(objectType))
            .findFirst()
            .orElse(SyncCursor.initial(SOURCE, objectType));
    List<JsonNode> records =
        client.search(objectType, modifiedProperty, cursor.modifiedAt(), properties);
    SyncCursor moved = cursor;
    for (JsonNode record : records) {
      Instant modified = HubSpotClient.modifiedAt(record, modifiedProperty);
      moved = moved.advance(modified, ApiRecord.text(record.get("id")));
    }
    cursors.add(moved);
    return records;
  }

  private static List<String> ids(List<JsonNode> records) {
    java.util.Set<String> ids = new java.util.LinkedHashSet<>();
    for (JsonNode record : records) {
      String id = ApiRecord.text(record.get("id"));
      if (id != null) {
        ids.add(id);
      }
    }
    return List.copyOf(ids);
  }
}
