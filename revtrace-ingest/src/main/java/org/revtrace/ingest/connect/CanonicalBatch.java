package org.revtrace.ingest.connect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.revtrace.core.model.Account;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.Contact;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.RowError;
import org.revtrace.core.model.StageChange;
import org.revtrace.core.model.Touchpoint;
import org.revtrace.ingest.canonical.ImportResult;

/**
 * Collects the canonical records a connector mapped and the errors of the records it rejected, and
 * turns them into one {@link ImportResult}. Not thread-safe: one instance per mapping run.
 */
public final class CanonicalBatch {

  private final List<Touchpoint> touchpoints = new ArrayList<>();
  private final List<Lead> leads = new ArrayList<>();
  private final List<Deal> deals = new ArrayList<>();
  private final List<StageChange> stageChanges = new ArrayList<>();
  private final List<Account> accounts = new ArrayList<>();
  private final List<Contact> contacts = new ArrayList<>();
  private final List<RowError> errors = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();

  /** The list that {@link ApiRecord}s report their errors to. */
  public List<RowError> errors() {
    return errors;
  }

  /**
   * Whether {@code id} is new in {@code file}; a repeat is reported as {@code DUPLICATE_ID} (the
   * first record is kept, as for canonical files).
   */
  public boolean firstOccurrence(String file, long line, String field, String id) {
    if (seen.add(file + '\u0000' + id)) {
      return true;
    }
    errors.add(
        new RowError(
            file, line, field, ErrorCode.DUPLICATE_ID, id, "id seen earlier; the first is kept"));
    return false;
  }

  public void add(Touchpoint touchpoint) {
    touchpoints.add(touchpoint);
  }

  public void add(Lead lead) {
    leads.add(lead);
  }

  public void add(Deal deal) {
    deals.add(deal);
  }

  public void add(StageChange change) {
    stageChanges.add(change);
  }

  public void add(Account account) {
    accounts.add(account);
  }

  public void add(Contact contact) {
    contacts.add(contact);
  }

  /**
   * The kept records and the errors, merged by {@link ImportResult#combine} so that the cross-file
   * checks (a deal dated before its lead) run as for files.
   */
  public ImportResult toResult() {
    CanonicalData data =
        new CanonicalData(
            List.of(),
            touchpoints,
            leads,
            deals,
            stageChanges,
            List.of(),
            accounts,
            contacts,
            List.of(),
            List.of());
    List<ImportResult> parts = new ArrayList<>();
    parts.add(ImportResult.ofValidated(data));
    for (RowError error : errors) {
      parts.add(ImportResult.rejected(error));
    }
    return ImportResult.combine(parts);
  }
}
