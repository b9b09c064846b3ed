package org.revtrace.core.audit.check;

import java.util.List;
import java.util.Optional;
import org.revtrace.core.audit.AuditInput;
import org.revtrace.core.audit.Finding;
import org.revtrace.core.audit.Horizon;

/**
 * {@code MISSING_FIRST_RESPONSE}: leads with no first-response time although the SLA ran out before
 * the reference — never answered, or answered without the CRM recording it. Either way lead
 * response cannot be managed. Money: revenue of their deals (if any) and nothing else: a lead never
 * answered has no deal to lose yet.
 */
public final class MissingFirstResponse extends Check {

  public MissingFirstResponse() {
    super("MISSING_FIRST_RESPONSE", Horizon.QUICK_WIN);
  }

  @Override
  public Optional<Finding> run(AuditInput input) {
    LeadResponseChecks response = new LeadResponseChecks(input);
    String[] ids = input.dataset().leadId();
    List<String> never = response.never.stream().map(lead -> ids[lead]).toList();
    long revenue = never.stream().mapToLong(input::revenueOfLead).sum();
    return found(
        never.size(),
        response.due,
        "leads",
        revenue,
        0,
        0,
        never,
        never.size()
            + " of "
            + response.due
            + " leads past the SLA ("
            + percent(never.size(), response.due)
            + ") have no first-response time");
  }
}
