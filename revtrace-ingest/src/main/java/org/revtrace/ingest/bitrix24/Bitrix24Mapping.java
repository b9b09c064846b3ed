package org.revtrace.ingest.bitrix24;

import java.time.Instant;
import org.revtrace.core.model.Account;
import org.revtrace.core.model.Contact;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.DealStatus;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.StageChange;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.Touchpoint;
import org.revtrace.core.model.Utm;
import org.revtrace.ingest.canonical.ImportOptions;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.canonical.PersonalData;
import org.revtrace.ingest.connect.ApiRecord;
import org.revtrace.ingest.connect.CanonicalBatch;
import org.revtrace.ingest.normalize.ChannelGrouping;
import org.revtrace.ingest.normalize.UtmNormalizer;
import tools.jackson.databind.JsonNode;

/**
 * Maps Bitrix24 records to canonical ones (field tables in docs/connectors/crm.md). A record that
 * cannot be mapped becomes a {@code RowError} naming {@code bitrix24:<method>}, the record's
 * 1-based number in that method's answers, the API field and the raw value; the other records are
 * kept. E-mails and phones are stored as salted hashes ({@link PersonalData}), UTM tags go through
 * the {@link UtmNormalizer}.
 */
public final class Bitrix24Mapping {

  static final String LEADS = "bitrix24:crm.lead.list";
  static final String DEALS = "bitrix24:crm.deal.list";
  static final String HISTORY = "bitrix24:crm.stagehistory.list";
  static final String CONTACTS = "bitrix24:crm.contact.list";
  static final String COMPANIES = "bitrix24:crm.company.list";

  private final Bitrix24Stages stages;
  private final ImportOptions options;
  private final UtmNormalizer utms = new UtmNormalizer();
  private final ChannelGrouping grouping = ChannelGrouping.defaults();

  public Bitrix24Mapping(Bitrix24Stages stages, ImportOptions options) {
    this.stages = stages;
    this.options = options;
  }

  /** All records of the export, mapped; bad records are errors of the result. */
  public ImportResult map(Bitrix24Export export) {
    CanonicalBatch batch = new CanonicalBatch();
    PersonalData personal = new PersonalData(options.salt());
    batch.each(export.companies(), COMPANIES, record -> company(record, batch));
    batch.each(export.contacts(), CONTACTS, record -> contact(record, batch, personal));
    batch.each(export.leads(), LEADS, record -> lead(record, batch, personal));
    batch.each(export.deals(), DEALS, record -> deal(record, batch));
    batch.each(export.stageHistory(), HISTORY, record -> stageChange(record, batch));
    return batch.toResult();
  }

  private void company(ApiRecord record, CanonicalBatch batch) {
    String id = record.requiredText("ID");
    if (!record.isValid() || !batch.firstOccurrence(record.file(), record.line(), "ID", id)) {
      return;
    }
    batch.add(
        new Account(
            id,
            record.text("TITLE"),
            null,
            record.text("INDUSTRY"),
            record.text("EMPLOYEES"),
            null,
            null));
    batch.kept(record);
  }

  private void contact(ApiRecord record, CanonicalBatch batch, PersonalData personal) {
    String id = record.requiredText("ID");
    if (!record.isValid() || !batch.firstOccurrence(record.file(), record.line(), "ID", id)) {
      return;
    }
    batch.add(
        new Contact(
            id,
            record.reference("COMPANY_ID"),
            personal.hashEmail(firstMultiField(record.node(), "EMAIL")),
            personal.hashPhone(firstMultiField(record.node(), "PHONE")),
            record.text("POST")));
    batch.kept(record);
  }

  private void lead(ApiRecord record, CanonicalBatch batch, PersonalData personal) {
    String id = record.requiredText("ID");
    Instant created = record.requiredTime("DATE_CREATE");
    Instant closed = record.time("DATE_CLOSED");
    if (!record.isValid() || !batch.firstOccurrence(record.file(), record.line(), "ID", id)) {
      return;
    }
    // A lead converted to a deal (semantics S) has been qualified for sales: SQL at its closing.
    Instant sqlAt = "S".equals(record.text("STATUS_SEMANTIC_ID")) ? closed : null;
    batch.add(
        new Lead(
            id,
            created,
            record.reference("CONTACT_ID"),
            record.reference("COMPANY_ID"),
            null,
            personal.hashEmail(firstMultiField(record.node(), "EMAIL")),
            personal.hashPhone(firstMultiField(record.node(), "PHONE")),
            null,
            utm(record),
            null,
            sqlAt,
            null));
    batch.kept(record);
  }

  private void deal(ApiRecord record, CanonicalBatch batch) {
    String id = record.requiredText("ID");
    Instant created = record.requiredTime("DATE_CREATE");
    String currency = record.text("CURRENCY_ID");
    Money amount =
        record.money(
            "OPPORTUNITY",
            currency == null ? options.reportingCurrency() : currency,
            "CURRENCY_ID");
    Instant closeDate = record.time("CLOSEDATE");
    Instant moved = record.time("MOVED_TIME");
    if (!record.isValid() || !batch.firstOccurrence(record.file(), record.line(), "ID", id)) {
      return;
    }
    String stageId = record.text("STAGE_ID");
    DealStatus status = Bitrix24Stages.status(stageId, record.text("STAGE_SEMANTIC_ID"));
    // CLOSEDATE is the planned close date while a deal is open; Bitrix24 sets it to the day of
    // closing when the deal is won or lost. MOVED_TIME (the last stage move) is the fallback.
    Instant closedAt =
        switch (status) {
          case OPEN -> null;
          case WON, LOST -> closeDate != null ? closeDate : moved;
        };
    String contactId = record.reference("CONTACT_ID");
    String accountId = record.reference("COMPANY_ID");
    batch.add(
        new Deal(
            id,
            created,
            amount,
            accountId,
            contactId,
            record.reference("LEAD_ID"),
            stages.stage(stageId),
            status,
            closedAt,
            null),
        record);
    batch.kept(record);
    // The canonical deal has no UTM columns: a deal's own tags become a touch at its creation, so
    // a deal created without a lead keeps its source.
    Utm utm = utm(record);
    if (!utm.isEmpty() && (contactId != null || accountId != null)) {
      batch.add(
          new Touchpoint(
              "bitrix24-deal-" + id,
              created,
              grouping.group(null, utm, null, TouchType.OTHER),
              null,
              contactId,
              accountId,
              TouchType.OTHER,
              utm,
              null,
              null));
    }
  }

  private void stageChange(ApiRecord record, CanonicalBatch batch) {
    String dealId = record.requiredText("OWNER_ID");
    String stageId = record.requiredText("STAGE_ID");
    Instant entered = record.requiredTime("CREATED_TIME");
    if (!record.isValid()) {
      return;
    }
    batch.add(new StageChange(dealId, stages.stage(stageId), entered));
    batch.kept(record);
  }

  private Utm utm(ApiRecord record) {
    return utms.normalize(
        new Utm(
            record.text("UTM_SOURCE"),
            record.text("UTM_MEDIUM"),
            record.text("UTM_CAMPAIGN"),
            record.text("UTM_CONTENT"),
            record.text("UTM_TERM")));
  }

  /** The first value of a Bitrix24 multi-field ({@code EMAIL: [{"VALUE": …}]}), or null. */
  private static String firstMultiField(JsonNode node, String field) {
    for (JsonNode item : node.path(field)) {
      String value = ApiRecord.text(item.get("VALUE"));
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
