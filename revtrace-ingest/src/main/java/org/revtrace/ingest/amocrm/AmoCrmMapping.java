package org.revtrace.ingest.amocrm;

import java.time.Instant;
import java.util.Locale;
import org.revtrace.core.model.Account;
import org.revtrace.core.model.Contact;
import org.revtrace.core.model.Currencies;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.Utm;
import org.revtrace.ingest.canonical.ImportOptions;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.canonical.PersonalData;
import org.revtrace.ingest.connect.ApiRecord;
import org.revtrace.ingest.connect.CanonicalBatch;
import org.revtrace.ingest.normalize.UtmNormalizer;
import tools.jackson.databind.JsonNode;

/**
 * Maps amoCRM records to canonical ones (field tables in docs/connectors/crm.md).
 *
 * <p>An amoCRM "lead" (сделка) is both the inquiry and the opportunity, so each becomes a canonical
 * {@link Lead} (created at its {@code created_at}, with its UTM tags) and a {@link Deal} with the
 * same id linked to it. {@code price} is a whole amount in the account's currency, which amoCRM
 * does not send per record: it is a setting of the mapping. Deleted leads ({@code is_deleted}) are
 * skipped. Stage history is not in the leads endpoint (it is in the events API) and is not mapped.
 * A record that cannot be mapped becomes a {@code RowError} naming {@code amocrm:<path>}, its
 * 1-based number in the answers, the field and the raw value.
 */
public final class AmoCrmMapping {

  static final String LEADS = "amocrm:/api/v4/leads";
  static final String CONTACTS = "amocrm:/api/v4/contacts";
  static final String COMPANIES = "amocrm:/api/v4/companies";

  private final AmoCrmStatuses statuses;
  private final String currency;
  private final ImportOptions options;
  private final UtmNormalizer utms = new UtmNormalizer();

  /**
   * @param currency the account's currency (amoCRM: Settings → General); blank means the import's
   *     reporting currency
   * @throws IllegalArgumentException when {@code currency} is not an ISO 4217 code (a setting, not
   *     data: every record would be rejected)
   */
  public AmoCrmMapping(AmoCrmStatuses statuses, String currency, ImportOptions options) {
    this.statuses = statuses;
    this.currency =
        currency == null || currency.isBlank()
            ? options.reportingCurrency()
            : currency.strip().toUpperCase(Locale.ROOT);
    if (!Currencies.isValidCode(this.currency)) {
      throw new IllegalArgumentException(
          "the amoCRM account currency must be an ISO 4217 code: '" + currency + "'");
    }
    this.options = options;
  }

  /** The mapper with these status names (e.g. after reading the pipelines). */
  public AmoCrmMapping withStatuses(AmoCrmStatuses newStatuses) {
    return new AmoCrmMapping(newStatuses, currency, options);
  }

  /** All records of the export, mapped; bad records are errors of the result. */
  public ImportResult map(AmoCrmExport export) {
    CanonicalBatch batch = new CanonicalBatch();
    PersonalData personal = new PersonalData(options.salt());
    batch.each(export.companies(), COMPANIES, record -> company(record, batch));
    batch.each(export.contacts(), CONTACTS, record -> contact(record, batch, personal));
    batch.each(export.leads(), LEADS, record -> lead(record, batch));
    return batch.toResult();
  }

  private void company(ApiRecord record, CanonicalBatch batch) {
    String id = record.requiredText("id");
    if (!record.isValid() || !batch.firstOccurrence(record.file(), record.line(), "id", id)) {
      return;
    }
    batch.add(new Account(id, record.text("name"), null, null, null, null, null));
    batch.kept(record);
  }

  private void contact(ApiRecord record, CanonicalBatch batch, PersonalData personal) {
    String id = record.requiredText("id");
    if (!record.isValid() || !batch.firstOccurrence(record.file(), record.line(), "id", id)) {
      return;
    }
    JsonNode node = record.node();
    batch.add(
        new Contact(
            id,
            firstLinked(node, "companies"),
            personal.hashEmail(customField(node, "EMAIL")),
            personal.hashPhone(customField(node, "PHONE")),
            customField(node, "POSITION")));
    batch.kept(record);
  }

  private void lead(ApiRecord record, CanonicalBatch batch) {
    String id = record.requiredText("id");
    Instant created = record.requiredEpochSeconds("created_at");
    Instant closed = record.epochSeconds("closed_at");
    Money amount = record.money("price", currency, "price");
    String statusText = record.requiredText("status_id");
    if (statusText != null && !statusText.matches("\\d{1,18}")) {
      record.reject("status_id", ErrorCode.BAD_VALUE, statusText, "expected a status id");
    }
    if (!record.isValid()) {
      return;
    }
    if (record.node().path("is_deleted").asBoolean(false)) {
      return;
    }
    if (!batch.firstOccurrence(record.file(), record.line(), "id", id)) {
      return;
    }
    long statusId = Long.parseLong(statusText);
    DealStatus status = AmoCrmStatuses.status(statusId);
    JsonNode node = record.node();
    String contactId = mainContact(node);
    String accountId = firstLinked(node, "companies");
    Utm utm =
        utms.normalize(
            new Utm(
                customField(node, "UTM_SOURCE"),
                customField(node, "UTM_MEDIUM"),
                customField(node, "UTM_CAMPAIGN"),
                customField(node, "UTM_CONTENT"),
                customField(node, "UTM_TERM")));
    batch.add(
        new Lead(id, created, contactId, accountId, null, null, null, null, utm, null, null, null));
    batch.add(
        new Deal(
            id,
            created,
            amount,
            accountId,
            contactId,
            id,
            statuses.stage(statusId),
            status,
            switch (status) {
              case OPEN -> null;
              case WON, LOST -> closed;
            },
            null),
        record);
    batch.kept(record);
  }

  /** The main contact of {@code _embedded.contacts} ({@code is_main}), else the first; or null. */
  private static String mainContact(JsonNode node) {
    String first = null;
    for (JsonNode contact : node.path("_embedded").path("contacts")) {
      String id = ApiRecord.text(contact.get("id"));
      if (id != null && contact.path("is_main").asBoolean(false)) {
        return id;
      }
      first = first == null ? id : first;
    }
    return first;
  }

  private static String firstLinked(JsonNode node, String entity) {
    for (JsonNode linked : node.path("_embedded").path(entity)) {
      String id = ApiRecord.text(linked.get("id"));
      if (id != null) {
        return id;
      }
    }
    return null;
  }

  /**
   * The first value of the custom field with this {@code field_code} ({@code UTM_SOURCE}, {@code
   * EMAIL}, {@code PHONE}, {@code POSITION}), or null.
   */
  private static String customField(JsonNode node, String code) {
    for (JsonNode field : node.path("custom_fields_values")) {
      if (code.equalsIgnoreCase(ApiRecord.text(field.get("field_code")))) {
        for (JsonNode value : field.path("values")) {
          String text = ApiRecord.text(value.get("value"));
          if (text != null) {
            return text;
          }
        }
      }
    }
    return null;
  }
}
