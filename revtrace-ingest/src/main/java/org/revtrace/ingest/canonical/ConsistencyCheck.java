package org.revtrace.ingest.canonical;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.RowError;

/**
 * Checks across files that flag kept rows instead of dropping them: real CRMs contain such rows
 * (e.g. a deal recorded as won two days before its lead's first contact in the Olist data), and
 * dropping them would silently change totals.
 */
final class ConsistencyCheck {

  private ConsistencyCheck() {}

  /**
   * One {@code OUT_OF_ORDER} warning per deal created (or else closed) before its lead was created.
   */
  static List<RowError> check(CanonicalData data, Map<String, ImportResult.RowOrigin> dealOrigins) {
    Map<String, Instant> leadCreated = new HashMap<>();
    for (Lead lead : data.leads()) {
      leadCreated.putIfAbsent(lead.id(), lead.createdAt());
    }
    List<RowError> warnings = new ArrayList<>();
    for (Deal deal : data.deals()) {
      Instant created = deal.leadId() == null ? null : leadCreated.get(deal.leadId());
      if (created == null) {
        continue;
      }
      String field = null;
      Instant early = null;
      if (deal.createdAt().isBefore(created)) {
        field = "created_at";
        early = deal.createdAt();
      } else if (deal.closedAt() != null && deal.closedAt().isBefore(created)) {
        field = "closed_at";
        early = deal.closedAt();
      }
      if (field != null) {
        ImportResult.RowOrigin origin =
            dealOrigins.getOrDefault(deal.id(), new ImportResult.RowOrigin("deals", 0));
        warnings.add(
            new RowError(
                origin.file(),
                origin.line(),
                field,
                ErrorCode.OUT_OF_ORDER,
                early.toString(),
                "deal "
                    + deal.id()
                    + " is dated before its lead "
                    + deal.leadId()
                    + " was created at "
                    + created
                    + "; kept"));
      }
    }
    return warnings;
  }
}
