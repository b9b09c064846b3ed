package org.revtrace.core.audit.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.revtrace.core.audit.AuditInput;
import org.revtrace.core.audit.Finding;
import org.revtrace.core.audit.Horizon;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.Touchpoint;

/**
 * {@code LEADS_WITHOUT_SOURCE}: leads whose record has no channel and no UTM source or medium — the
 * CRM's own reports cannot say where they came from. Those with a tracked visit of their visitor or
 * contact can be credited through the journey (the detail counts them); the others cannot. Money:
 * the revenue of their deals.
 */
public final class LeadsWithoutSource extends Check {

  public LeadsWithoutSource() {
    super("LEADS_WITHOUT_SOURCE", Horizon.QUICK_WIN);
  }

  @Override
  public Optional<Finding> run(AuditInput input) {
    Set<String> visitors = new HashSet<>();
    Set<String> contacts = new HashSet<>();
    for (Touchpoint touch : input.raw().touchpoints()) {
      if (touch.visitorId() != null) {
        visitors.add(touch.visitorId());
      }
      if (touch.contactId() != null) {
        contacts.add(touch.contactId());
      }
    }
    List<String> ids = new ArrayList<>();
    long revenue = 0;
    long untracked = 0;
    for (Lead lead : input.raw().leads()) {
      if (!AuditInput.sourceless(lead)) {
        continue;
      }
      ids.add(lead.id());
      revenue += input.revenueOfLead(lead.id());
      boolean touched =
          lead.visitorId() != null && visitors.contains(lead.visitorId())
              || lead.contactId() != null && contacts.contains(lead.contactId());
      if (!touched) {
        untracked++;
      }
    }
    long leads = input.raw().leads().size();
    return found(
        ids.size(),
        leads,
        "leads",
        revenue,
        0,
        0,
        ids,
        ids.size()
            + " of "
            + leads
            + " leads ("
            + percent(ids.size(), leads)
            + ") have no channel and no UTM tags; "
            + untracked
            + " of them have no tracked visit either, so no channel can be credited");
  }
}
