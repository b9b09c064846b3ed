package org.revtrace.core.audit.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.revtrace.core.audit.AuditInput;
import org.revtrace.core.audit.Finding;
import org.revtrace.core.audit.Horizon;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.Lead;

/**
 * {@code DEALS_WITHOUT_LEAD}: deals that name no lead, or a lead that is not in the data. Their
 * revenue reaches channels only through the contact's or account's touchpoints, if at all. Money:
 * their revenue (won) and amount (open).
 */
public final class DealsWithoutLead extends Check {

  public DealsWithoutLead() {
    super("DEALS_WITHOUT_LEAD", Horizon.MID_TERM);
  }

  @Override
  public Optional<Finding> run(AuditInput input) {
    Set<String> leads = new HashSet<>();
    for (Lead lead : input.raw().leads()) {
      leads.add(lead.id());
    }
    List<String> ids = new ArrayList<>();
    long revenue = 0;
    long pipeline = 0;
    for (Deal deal : input.raw().deals()) {
      if (deal.leadId() == null || !leads.contains(deal.leadId())) {
        ids.add(deal.id());
        revenue += input.revenueOfDeal(deal.id());
        pipeline += input.openAmountOfDeal(deal.id());
      }
    }
    long deals = input.raw().deals().size();
    return found(
        ids.size(),
        deals,
        "deals",
        revenue,
        0,
        pipeline,
        ids,
        ids.size() + " of " + deals + " deals (" + percent(ids.size(), deals) + ") have no lead");
  }
}
