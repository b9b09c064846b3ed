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
 * {@code LEADS_WITHOUT_SOURCE}: leads with no channel, no UTM source or medium, and no touchpoint
 * of their visitor or contact — nothing says where they came from. Money: the revenue of their
 * deals, which no channel can be credited with.
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
    for (Lead lead : input.raw().leads()) {
      boolean touched =
          lead.visitorId() != null && visitors.contains(lead.visitorId())
              || lead.contactId() != null && contacts.contains(lead.contactId());
      if (AuditInput.sourceless(lead) && !touched) {
        ids.add(lead.id());
        revenue += input.revenueOfLead(lead.id());
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
            + ") have no channel, no UTM tags and no tracked visit");
  }
}
