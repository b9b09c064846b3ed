package org.revtrace.core.audit.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.revtrace.core.audit.AuditInput;
import org.revtrace.core.audit.Finding;
import org.revtrace.core.audit.Horizon;
import org.revtrace.core.model.Deal;
import org.revtrace.core.model.Lead;

/**
 * {@code DEALS_WITHOUT_CONTACT}: deals with no contact and no account, directly or through their
 * lead — nobody to follow back to touchpoints, so person and account journeys cannot credit them.
 */
public final class DealsWithoutContact extends Check {

  public DealsWithoutContact() {
    super("DEALS_WITHOUT_CONTACT", Horizon.MID_TERM);
  }

  @Override
  public Optional<Finding> run(AuditInput input) {
    Map<String, Lead> leads = new HashMap<>();
    for (Lead lead : input.raw().leads()) {
      leads.put(lead.id(), lead);
    }
    List<String> ids = new ArrayList<>();
    long revenue = 0;
    long pipeline = 0;
    for (Deal deal : input.raw().deals()) {
      Lead lead = deal.leadId() == null ? null : leads.get(deal.leadId());
      boolean someone =
          deal.contactId() != null
              || deal.accountId() != null
              || lead != null
                  && (lead.contactId() != null
                      || lead.accountId() != null
                      || lead.visitorId() != null);
      if (!someone) {
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
        ids.size()
            + " of "
            + deals
            + " deals ("
            + percent(ids.size(), deals)
            + ") have no contact, account or visitor to follow");
  }
}
