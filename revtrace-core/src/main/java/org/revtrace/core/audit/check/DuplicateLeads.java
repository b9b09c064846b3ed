package org.revtrace.core.audit.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.revtrace.core.audit.AuditInput;
import org.revtrace.core.audit.Finding;
import org.revtrace.core.audit.Horizon;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.RowError;

/**
 * {@code DUPLICATE_LEADS}: the same person entered as a lead again within the duplicate window (30
 * days by default) — same contact, e-mail or phone (as imported: normalised, or hashed alike) — and
 * lead rows the import quarantined as repeats of a lead id. Duplicates inflate lead counts and
 * deflate cost per lead and conversion. Money: revenue of deals pointing at the later duplicates.
 */
public final class DuplicateLeads extends Check {

  public DuplicateLeads() {
    super("DUPLICATE_LEADS", Horizon.QUICK_WIN);
  }

  @Override
  public Optional<Finding> run(AuditInput input) {
    List<Lead> leads = new ArrayList<>(input.raw().leads());
    leads.sort(Comparator.comparing(Lead::createdAt).thenComparing(Lead::id));
    long window = input.settings().duplicateWindow().getSeconds();
    Map<String, Long> lastSeen = new HashMap<>();
    Set<String> duplicates = new TreeSet<>();
    long revenue = 0;
    for (Lead lead : leads) {
      long created = lead.createdAt().getEpochSecond();
      boolean duplicate = false;
      for (String key : keys(lead)) {
        Long before = lastSeen.put(key, created);
        if (before != null && created - before <= window) {
          duplicate = true;
        }
      }
      if (duplicate && duplicates.add(lead.id())) {
        revenue += input.revenueOfLead(lead.id());
      }
    }
    long repeatedRows = 0;
    for (RowError error : input.errors()) {
      if (error.file().startsWith("leads")
          && (error.code() == ErrorCode.DUPLICATE_ID || error.code() == ErrorCode.DUPLICATE_ROW)) {
        repeatedRows++;
      }
    }
    long affected = duplicates.size() + repeatedRows;
    long population = leads.size() + repeatedRows;
    return found(
        affected,
        population,
        "leads",
        revenue,
        0,
        0,
        duplicates,
        duplicates.size()
            + " leads repeat a lead of the same person within "
            + input.settings().duplicateWindow().toDays()
            + " days, and "
            + repeatedRows
            + " lead rows repeated an imported lead id");
  }

  private static List<String> keys(Lead lead) {
    List<String> keys = new ArrayList<>(3);
    if (lead.contactId() != null) {
      keys.add("contact:" + lead.contactId());
    }
    if (lead.email() != null) {
      keys.add("email:" + lead.email().toLowerCase(java.util.Locale.ROOT));
    }
    if (lead.phone() != null) {
      keys.add("phone:" + lead.phone());
    }
    return keys;
  }
}
