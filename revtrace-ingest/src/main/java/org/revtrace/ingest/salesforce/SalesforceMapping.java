package org.revtrace.ingest.salesforce;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;
import org.revtrace.core.model.Account;
import org.revtrace.core.model.Contact;
import org.revtrace.core.model.Currencies;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.model.ErrorCode;
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

/**
 * Maps Salesforce records to canonical ones (field tables in docs/connectors/crm.md). A record that
 * cannot be mapped becomes a {@code RowError} naming {@code salesforce:<object>}, its 1-based
 * number in the answers, the field and the raw value; the other records are kept.
 *
 * <p>Datetimes come as {@code 2025-03-01T07:00:02.000+0000}; dates ({@code CloseDate}, {@code
 * ConvertedDate}) as {@code 2025-03-15}, taken at the start of that day in the import's default
 * zone (set it to the org's time zone). Amounts are in the record's {@code CurrencyIsoCode} in a
 * multi-currency org, else in the org's currency (a setting of the mapping).
 */
public final class SalesforceMapping {

  static final String LEADS = "salesforce:Lead";
  static final String OPPORTUNITIES = "salesforce:Opportunity";
  static final String HISTORY = "salesforce:OpportunityHistory";
  static final String ACCOUNTS = "salesforce:Account";
  static final String CONTACTS = "salesforce:Contact";

  private static final DateTimeFormatter DATETIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  private final SalesforceStages stages;
  private final String currency;
  private final ImportOptions options;
  private final UtmNormalizer utms = new UtmNormalizer();

  /**
   * @param currency the org's currency (Setup → Company Information), used when a record has no
   *     {@code CurrencyIsoCode}; blank means the import's reporting currency
   * @throws IllegalArgumentException when {@code currency} is not an ISO 4217 code
   */
  public SalesforceMapping(SalesforceStages stages, String currency, ImportOptions options) {
    this.stages = stages;
    this.currency =
        currency == null || currency.isBlank()
            ? options.reportingCurrency()
            : currency.strip().toUpperCase(Locale.ROOT);
    if (!Currencies.isValidCode(this.currency)) {
      throw new IllegalArgumentException(
          "the Salesforce org currency must be an ISO 4217 code: '" + currency + "'");
    }
    this.options = options;
  }

  /** All records of the export, mapped; bad records are errors of the result. */
  public ImportResult map(SalesforceExport export) {
    CanonicalBatch batch = new CanonicalBatch();
    PersonalData personal = new PersonalData(options.salt());
    batch.each(export.accounts(), ACCOUNTS, record -> account(record, batch));
    batch.each(export.contacts(), CONTACTS, record -> contact(record, batch, personal));
    batch.each(export.leads(), LEADS, record -> lead(record, batch, personal));
    batch.each(export.opportunities(), OPPORTUNITIES, record -> deal(record, batch, export));
    batch.each(export.history(), HISTORY, record -> stageChange(record, batch));
    return batch.toResult();
  }

  private void account(ApiRecord record, CanonicalBatch batch) {
    String id = record.requiredText("Id");
    if (!record.isValid() || !batch.firstOccurrence(record.file(), record.line(), "Id", id)) {
      return;
    }
    batch.add(
        new Account(
            id,
            record.text("Name"),
            domain(record.text("Website")),
            record.text("Industry"),
            record.text("NumberOfEmployees"),
            record.text("BillingCountry"),
            null));
    batch.kept(record);
  }

  private void contact(ApiRecord record, CanonicalBatch batch, PersonalData personal) {
    String id = record.requiredText("Id");
    if (!record.isValid() || !batch.firstOccurrence(record.file(), record.line(), "Id", id)) {
      return;
    }
    batch.add(
        new Contact(
            id,
            record.text("AccountId"),
            personal.hashEmail(record.text("Email")),
            personal.hashPhone(record.text("Phone")),
            record.text("Title")));
    batch.kept(record);
  }

  private void lead(ApiRecord record, CanonicalBatch batch, PersonalData personal) {
    String id = record.requiredText("Id");
    Instant created = requiredTime(record, "CreatedDate");
    Instant converted = date(record, "ConvertedDate");
    if (!record.isValid() || !batch.firstOccurrence(record.file(), record.line(), "Id", id)) {
      return;
    }
    boolean isConverted = Boolean.parseBoolean(record.text("IsConverted"));
    batch.add(
        new Lead(
            id,
            created,
            isConverted ? record.text("ConvertedContactId") : null,
            isConverted ? record.text("ConvertedAccountId") : null,
            null,
            personal.hashEmail(record.text("Email")),
            personal.hashPhone(record.text("Phone")),
            null,
            utms.normalize(new Utm(record.text("LeadSource"), null, null, null, null)),
            null,
            // Conversion turns a lead into an opportunity: qualified for sales on that day.
            isConverted ? converted : null,
            null));
    batch.kept(record);
  }

  private void deal(ApiRecord record, CanonicalBatch batch, SalesforceExport export) {
    String id = record.requiredText("Id");
    Instant created = requiredTime(record, "CreatedDate");
    String code = record.text("CurrencyIsoCode");
    Money amount =
        record.money(
            "Amount", code == null ? currency : code.toUpperCase(Locale.ROOT), "CurrencyIsoCode");
    Instant closeDate = date(record, "CloseDate");
    if (!record.isValid() || !batch.firstOccurrence(record.file(), record.line(), "Id", id)) {
      return;
    }
    DealStatus status =
        SalesforceStages.status(
            Boolean.parseBoolean(record.text("IsClosed")),
            Boolean.parseBoolean(record.text("IsWon")));
    JsonNode conversion = export.conversions().get(id);
    String leadId = conversion == null ? null : ApiRecord.text(conversion.get("Id"));
    String contactId =
        conversion == null ? null : ApiRecord.text(conversion.get("ConvertedContactId"));
    batch.add(
        new Deal(
            id,
            created,
            amount,
            record.text("AccountId"),
            contactId,
            leadId,
            stages.stage(record.text("StageName"), status),
            status,
            switch (status) {
              // CloseDate is the expected close date while an opportunity is open.
              case OPEN -> null;
              case WON, LOST -> closeDate;
            },
            null),
        record);
    batch.kept(record);
  }

  private void stageChange(ApiRecord record, CanonicalBatch batch) {
    String dealId = record.requiredText("OpportunityId");
    String stage = record.requiredText("StageName");
    Instant entered = requiredTime(record, "CreatedDate");
    if (!record.isValid()) {
      return;
    }
    batch.add(new StageChange(dealId, stages.stage(stage, DealStatus.OPEN), entered));
    batch.kept(record);
  }

  /** A Salesforce datetime ({@code 2025-03-01T07:00:02.000+0000}), or null when absent. */
  static Instant time(ApiRecord record, String field) {
    String text = record.text(field);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text, DATETIME).toInstant();
    } catch (DateTimeException e) {
      record.reject(field, ErrorCode.BAD_TIMESTAMP, text, "expected a datetime with offset");
      return null;
    }
  }

  private static Instant requiredTime(ApiRecord record, String field) {
    if (record.text(field) == null) {
      record.requiredText(field);
      return null;
    }
    return time(record, field);
  }

  /** A Salesforce date at the start of that day in the default zone, or null when absent. */
  private Instant date(ApiRecord record, String field) {
    String text = record.text(field);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text).atStartOfDay(options.defaultZone()).toInstant();
    } catch (DateTimeException e) {
      record.reject(field, ErrorCode.BAD_DATE, text, "expected a date yyyy-MM-dd");
      return null;
    }
  }

  /**
   * The host of a website ({@code https://www.Acme.com/about} → {@code acme.com}; {@code acme.com}
   * as written), or null.
   */
  static String domain(String website) {
    if (website == null) {
      return null;
    }
    String text = website.strip();
    String withScheme = text.contains("://") ? text : "http://" + text;
    String host;
    try {
      host = URI.create(withScheme.replace(" ", "%20")).getHost();
    } catch (IllegalArgumentException e) {
      host = null;
    }
    if (host == null) {
      return text.toLowerCase(Locale.ROOT);
    }
    host = host.toLowerCase(Locale.ROOT);
    return host.startsWith("www.") ? host.substring(4) : host;
  }
}
