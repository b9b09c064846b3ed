package org.revtrace.core.audit.check;

import java.util.List;
import java.util.Optional;
import org.revtrace.core.audit.AuditInput;
import org.revtrace.core.audit.Finding;
import org.revtrace.core.audit.Horizon;

/**
 * {@code SLA_BREACHES}: leads answered later than the response SLA (one hour by default). Slow
 * answers lose inbound B2B leads. Money: revenue of the late leads' deals (what was won despite
 * it).
 */
public final class SlaBreaches extends Check {

  public SlaBreaches() {
    super("SLA_BREACHES", Horizon.MID_TERM);
  }

  @Override
  public Optional<Finding> run(AuditInput input) {
    LeadResponseChecks response = new LeadResponseChecks(input);
    String[] ids = input.dataset().leadId();
    List<String> late = response.late.stream().map(lead -> ids[lead]).toList();
    long revenue = late.stream().mapToLong(input::revenueOfLead).sum();
    return found(
        late.size(),
        response.due,
        "leads",
        revenue,
        0,
        0,
        late,
        late.size()
            + " of "
            + response.due
            + " leads ("
            + percent(late.size(), response.due)
            + ") were answered later than "
            + input.settings().funnel().responseSla().toMinutes()
            + " minutes");
  }
}
