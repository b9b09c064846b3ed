package org.revtrace.ingest.salesforce;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.revtrace.ingest.connect.ApiRecord;
import org.revtrace.ingest.connect.SyncCursor;
import org.revtrace.ingest.connect.SyncResult;
import tools.jackson.databind.JsonNode;

/**
 * One incremental sync of a Salesforce org: finds out whether the org has multiple currencies
 * (whether {@code Opportunity} has a {@code CurrencyIsoCode} field), then reads accounts, contacts,
 * leads and opportunities modified at or after their cursors ({@code WHERE SystemModstamp >=
 * <cursor> ORDER BY SystemModstamp, Id}) and the opportunity history created at or after its cursor
 * ({@code CreatedDate}; the history is append-only), maps them and returns the moved cursors.
 * Without a cursor (the first sync) everything is read.
 *
 * <p>Lead ↔ opportunity: Salesforce records the link on the lead ({@code ConvertedOpportunityId}).
 * So that a deal always carries its lead, the leads converted into the opportunities read are
 * looked up ({@code WHERE ConvertedOpportunityId IN (...)}), and opportunities that leads of this
 * sync were converted into but that were not modified are read too.
 */
public final class SalesforceSync {

  /** The source name in cursors. */
  public static final String SOURCE = "salesforce";

  private static final DateTimeFormatter LITERAL =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{15,18}");
  private static final int IDS_PER_QUERY = 200;

  static final List<String> ACCOUNT_FIELDS =
      List.of("Id", "Name", "Website", "Industry", "NumberOfEmployees", "BillingCountry");
  static final List<String> CONTACT_FIELDS = List.of("Id", "AccountId", "Email", "Phone", "Title");
  static final List<String> LEAD_FIELDS =
      List.of(
          "Id",
          "CreatedDate",
          "Email",
          "Phone",
          "Company",
          "LeadSource",
          "Status",
          "IsConverted",
          "ConvertedDate",
          "ConvertedContactId",
          "ConvertedAccountId",
          "ConvertedOpportunityId");
  static final List<String> OPPORTUNITY_FIELDS =
      List.of(
          "Id",
          "AccountId",
          "Amount",
          "StageName",
          "IsClosed",
          "IsWon",
          "CloseDate",
          "CreatedDate",
          "LeadSource");
  static final List<String> HISTORY_FIELDS =
      List.of("Id", "OpportunityId", "StageName", "CreatedDate");

  private final SalesforceClient client;
  private final SalesforceMapping mapping;

  public SalesforceSync(SalesforceClient client, SalesforceMapping mapping) {
    this.client = client;
    this.mapping = mapping;
  }

  /** Reads what changed since {@code previous} and maps it. */
  public SyncResult sync(List<SyncCursor> previous) {
    List<String> opportunityFields = new ArrayList<>(OPPORTUNITY_FIELDS);
    if (multiCurrency()) {
      opportunityFields.add("CurrencyIsoCode");
    }
    List<SyncCursor> cursors = new ArrayList<>();
    List<JsonNode> accounts = read("Account", ACCOUNT_FIELDS, "SystemModstamp", previous, cursors);
    List<JsonNode> contacts = read("Contact", CONTACT_FIELDS, "SystemModstamp", previous, cursors);
    List<JsonNode> leads = read("Lead", LEAD_FIELDS, "SystemModstamp", previous, cursors);
    List<JsonNode> opportunities =
        new ArrayList<>(
            read("Opportunity", opportunityFields, "SystemModstamp", previous, cursors));
    List<JsonNode> history =
        read("OpportunityHistory", HISTORY_FIELDS, "CreatedDate", previous, cursors);

    Set<String> read = ids(opportunities, "Id");
    Set<String> missing = ids(leads, "ConvertedOpportunityId");
    missing.removeAll(read);
    for (List<String> chunk : chunks(missing)) {
      opportunities.addAll(
          client.query(
              "SELECT "
                  + String.join(", ", opportunityFields)
                  + " FROM Opportunity WHERE Id IN ("
                  + literals(chunk)
                  + ")"));
    }
    Map<String, JsonNode> conversions = new HashMap<>();
    for (List<String> chunk : chunks(ids(opportunities, "Id"))) {
      for (JsonNode lead :
          client.query(
              "SELECT Id, ConvertedOpportunityId, ConvertedContactId FROM Lead"
                  + " WHERE ConvertedOpportunityId IN ("
                  + literals(chunk)
                  + ")")) {
        String opportunity = ApiRecord.text(lead.get("ConvertedOpportunityId"));
        if (opportunity != null) {
          conversions.putIfAbsent(opportunity, lead);
        }
      }
    }
    return new SyncResult(
        mapping.map(
            new SalesforceExport(leads, opportunities, history, accounts, contacts, conversions)),
        cursors);
  }

  /**
   * Whether the org has multiple currencies: {@code Opportunity} then has {@code CurrencyIsoCode}.
   */
  private boolean multiCurrency() {
    JsonNode describe = client.get(SalesforceClient.DATA + "/sobjects/Opportunity/describe");
    for (JsonNode field : describe.path("fields")) {
      if ("CurrencyIsoCode".equals(ApiRecord.text(field.get("name")))) {
        return true;
      }
    }
    return false;
  }

  private List<JsonNode> read(
      String object,
      List<String> fields,
      String cursorField,
      List<SyncCursor> previous,
      List<SyncCursor> cursors) {
    SyncCursor cursor =
        previous.stream()
            .filter(c -> c.source().equals(SOURCE) && c.entity().equals(object))
            .findFirst()
            .orElse(SyncCursor.initial(SOURCE, object));
    List<String> selected = new ArrayList<>(fields);
    if (!selected.contains(cursorField)) {
      selected.add(cursorField);
    }
    List<JsonNode> records = client.query(soql(object, selected, cursorField, cursor.modifiedAt()));
    SyncCursor moved = cursor;
    for (JsonNode record : records) {
      ApiRecord view = new ApiRecord(record, "", 0, new ArrayList<>());
      moved = moved.advance(SalesforceMapping.time(view, cursorField), view.text("Id"));
    }
    cursors.add(moved);
    return records;
  }

  /**
   * The incremental query: {@code SELECT <fields> FROM <object> [WHERE <field> >= <time>] ORDER BY
   * <field>, Id}. The time is a SOQL datetime literal (unquoted, UTC, {@code Z}), truncated to the
   * second: "at or after" a slightly earlier time still includes every later record.
   */
  static String soql(String object, List<String> fields, String cursorField, Instant from) {
    return "SELECT "
        + String.join(", ", fields)
        + " FROM "
        + object
        + (from == null ? "" : " WHERE " + cursorField + " >= " + literal(from))
        + " ORDER BY "
        + cursorField
        + ", Id";
  }

  /** A SOQL datetime literal: {@code 2025-03-01T07:00:02Z} (no quotes, seconds, UTC). */
  static String literal(Instant time) {
    return LITERAL.format(time.truncatedTo(ChronoUnit.SECONDS));
  }

  /** Quoted SOQL string literals of record ids (ids are letters and digits, checked). */
  private static String literals(List<String> ids) {
    List<String> quoted = new ArrayList<>();
    for (String id : ids) {
      quoted.add("'" + id + "'");
    }
    return String.join(", ", quoted);
  }

  private static Set<String> ids(List<JsonNode> records, String field) {
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode record : records) {
      String id = ApiRecord.text(record.get(field));
      if (id != null && ID.matcher(id).matches()) {
        ids.add(id);
      }
    }
    return ids;
  }

  private static List<List<String>> chunks(Set<String> ids) {
    List<String> all = new ArrayList<>(ids);
    List<List<String>> chunks = new ArrayList<>();
    for (int start = 0; start < all.size(); start += IDS_PER_QUERY) {
      chunks.add(all.subList(start, Math.min(all.size(), start + IDS_PER_QUERY)));
    }
    return chunks;
  }
}
