package org.revtrace.ingest.hubspot;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.revtrace.core.model.Account;
import org.revtrace.core.model.Contact;
import org.revtrace.core.model.Currencies;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.StageChange;
import org.revtrace.core.model.Utm;
import org.revtrace.ingest.canonical.ImportOptions;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.canonical.PersonalData;
import org.revtrace.ingest.connect.ApiRecord;
import org.revtrace.ingest.connect.CanonicalBatch;
import org.revtrace.ingest.normalize.UtmNormalizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Maps HubSpot records to canonical ones (field tables in docs/connectors/crm.md).
 *
 * <p>A HubSpot contact is both a {@link Contact} and a {@link Lead} with the same id (HubSpot has
 * no separate inquiry record in its free CRM: the contact's creation is the lead, its lifecycle
 * dates are the qualification milestones, its original source is the lead's channel). A deal's lead
 * is therefore its primary associated contact. Companies become {@link Account}s; deal stage
 * history ({@code propertiesWithHistory.dealstage}) becomes {@link StageChange}s. Values are read
 * from each record's {@code properties}; a record that cannot be mapped becomes a {@code RowError}
 * naming {@code hubspot:<object>}, its 1-based number in the answers, the property and the raw
 * value.
 */
public final class HubSpotMapping {

  static final String COMPANIES = "hubspot:companies";
  static final String CONTACTS = "hubspot:contacts";
  static final String DEALS = "hubspot:deals";
  static final String HISTORY = "hubspot:deals.dealstage";

  /** HubSpot's original-source values ({@code hs_analytics_source}) → Revtrace channel groups. */
  private static final Map<String, String> CHANNELS =
      Map.ofEntries(
          Map.entry("ORGANIC_SEARCH", "organic_search"),
          Map.entry("PAID_SEARCH", "paid_search"),
          Map.entry("EMAIL_MARKETING", "email"),
          Map.entry("SOCIAL_MEDIA", "organic_social"),
          Map.entry("PAID_SOCIAL", "paid_social"),
          Map.entry("REFERRALS", "referral"),
          Map.entry("AI_REFERRALS", "referral"),
          Map.entry("DIRECT_TRAFFIC", "direct"),
          Map.entry("OTHER_CAMPAIGNS", "other"),
          Map.entry("OFFLINE", "other"));

  private final HubSpotStages stages;
  private final String currency;
  private final ImportOptions options;
  private final UtmNormalizer utms = new UtmNormalizer();

  /**
   * @param currency the portal's company currency, used for deals without {@code
   *     deal_currency_code}; blank means the import's reporting currency
   * @throws IllegalArgumentException when {@code currency} is not an ISO 4217 code
   */
  public HubSpotMapping(HubSpotStages stages, String currency, ImportOptions options) {
    this.stages = stages;
    this.currency =
        currency == null || currency.isBlank()
            ? options.reportingCurrency()
            : currency.strip().toUpperCase(Locale.ROOT);
    if (!Currencies.isValidCode(this.currency)) {
      throw new IllegalArgumentException(
          "the HubSpot company currency must be an ISO 4217 code: '" + currency + "'");
    }
    this.options = options;
  }

  /** The mapper with these stages (e.g. after reading the pipelines). */
  public HubSpotMapping withStages(HubSpotStages newStages) {
    return new HubSpotMapping(newStages, currency, options);
  }

  /** All records of the export, mapped; bad records are errors of the result. */
  public ImportResult map(HubSpotExport export) {
    CanonicalBatch batch = new CanonicalBatch();
    PersonalData personal = new PersonalData(options.salt());
    batch.each(export.companies(), COMPANIES, record -> company(record, batch));
    batch.each(
        export.contacts(),
        CONTACTS,
        record -> contact(record, batch, personal, export.contactCompanies()));
    batch.each(export.deals(), DEALS, record -> deal(record, batch, export));
    long line = 0;
    batch.source(HISTORY);
    for (JsonNode node : export.dealHistory()) {
      String dealId = ApiRecord.text(node.get("id"));
      for (JsonNode entry : node.path("propertiesWithHistory").path("dealstage")) {
        ApiRecord record = batch.open(entry, HISTORY, ++line);
        if (record != null) {
          stageChange(record, dealId, batch);
        }
      }
    }
    return batch.toResult();
  }

  private void company(ApiRecord record, CanonicalBatch batch) {
    String id = record.requiredText("id");
    if (!record.isValid() || !batch.firstOccurrence(record.file(), record.line(), "id", id)) {
      return;
    }
    ApiRecord properties = properties(record, batch);
    String domain = properties.text("domain");
    batch.add(
        new Account(
            id,
            properties.text("name"),
            domain == null ? null : domain.toLowerCase(Locale.ROOT),
            properties.text("industry"),
            properties.text("numberofemployees"),
            properties.text("country"),
            null));
    batch.kept(record);
  }

  private void contact(
      ApiRecord record,
      CanonicalBatch batch,
      PersonalData personal,
      Map<String, List<String>> companies) {
    String id = record.requiredText("id");
    ApiRecord properties = properties(record, batch);
    Instant created =
        properties.text("createdate") != null
            ? properties.time("createdate")
            : record.requiredTime("createdAt");
    Instant mql = properties.time("hs_lifecyclestage_marketingqualifiedlead_date");
    Instant sql = properties.time("hs_lifecyclestage_salesqualifiedlead_date");
    if (!record.isValid()
        || !properties.isValid()
        || !batch.firstOccurrence(record.file(), record.line(), "id", id)) {
      return;
    }
    String accountId = first(companies.get(id));
    if (accountId == null) {
      accountId = properties.reference("associatedcompanyid");
    }
    String email = personal.hashEmail(properties.text("email"));
    String phone =
        personal.hashPhone(
            properties.text("phone") != null
                ? properties.text("phone")
                : properties.text("mobilephone"));
    batch.add(new Contact(id, accountId, email, phone, properties.text("jobtitle")));
    String source = properties.text("hs_analytics_source");
    batch.add(
        new Lead(
            id,
            created,
            id,
            accountId,
            null,
            email,
            phone,
            source == null ? null : CHANNELS.get(source.toUpperCase(Locale.ROOT)),
            utms.normalize(utmOf(properties.text("hs_analytics_first_url"))),
            mql,
            sql,
            null));
    batch.kept(record);
  }

  private void deal(ApiRecord record, CanonicalBatch batch, HubSpotExport export) {
    String id = record.requiredText("id");
    ApiRecord properties = properties(record, batch);
    Instant created =
        properties.text("createdate") != null
            ? properties.time("createdate")
            : record.requiredTime("createdAt");
    String code = properties.text("deal_currency_code");
    Money amount =
        properties.money(
            "amount",
            code == null ? currency : code.toUpperCase(Locale.ROOT),
            "deal_currency_code");
    Instant closeDate = properties.time("closedate");
    if (!record.isValid()
        || !properties.isValid()
        || !batch.firstOccurrence(record.file(), record.line(), "id", id)) {
      return;
    }
    String stageId = properties.text("dealstage");
    DealStatus status =
        stages.status(
            stageId, properties.text("hs_is_closed_won"), properties.text("hs_is_closed"));
    String contactId = first(export.dealContacts().get(id));
    batch.add(
        new Deal(
            id,
            created,
            amount,
            first(export.dealCompanies().get(id)),
            contactId,
            contactId,
            stages.stage(stageId, status),
            status,
            switch (status) {
              // closedate is the expected close date while a deal is open.
              case OPEN -> null;
              case WON, LOST -> closeDate;
            },
            null),
        record);
    batch.kept(record);
  }

  private void stageChange(ApiRecord record, String dealId, CanonicalBatch batch) {
    String stageId = record.requiredText("value");
    Instant entered = record.requiredTime("timestamp");
    if (dealId == null) {
      record.reject("id", org.revtrace.core.model.ErrorCode.MISSING_VALUE, "", "no deal id");
    }
    if (!record.isValid()) {
      return;
    }
    batch.add(
        new StageChange(
            dealId, stages.stage(stageId, stages.status(stageId, null, null)), entered));
    batch.kept(record);
  }

  /** A reader of the record's {@code properties} reporting to the same file and line. */
  private static ApiRecord properties(ApiRecord record, CanonicalBatch batch) {
    JsonNode properties = record.node().get("properties");
    return new ApiRecord(
        properties != null && properties.isObject()
            ? properties
            : JsonNodeFactory.instance.objectNode(),
        record.file(),
        record.line(),
        batch.errors());
  }

  /**
   * UTM tags from the query of a URL ({@code hs_analytics_first_url}, the first page the contact
   * saw); raw values, decoded by the {@link UtmNormalizer}. A URL that cannot be parsed has none.
   */
  static Utm utmOf(String url) {
    if (url == null) {
      return Utm.NONE;
    }
    String query;
    try {
      query = URI.create(url.strip().replace(" ", "%20")).getRawQuery();
    } catch (IllegalArgumentException e) {
      int mark = url.indexOf('?');
      query = mark < 0 ? null : url.substring(mark + 1);
    }
    if (query == null) {
      return Utm.NONE;
    }
    Map<String, String> tags = new HashMap<>();
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        tags.putIfAbsent(
            pair.substring(0, equals).toLowerCase(Locale.ROOT), pair.substring(equals + 1));
      }
    }
    return new Utm(
        tags.get("utm_source"),
        tags.get("utm_medium"),
        tags.get("utm_campaign"),
        tags.get("utm_content"),
        tags.get("utm_term"));
  }

  private static String first(List<String> ids) {
    return ids == null || ids.isEmpty() ? null : ids.get(0);
  }
}
