package org.revtrace.core.audit.check;

import java.util.ArrayList;
import java.util.List;
import org.revtrace.core.audit.AuditInput;
import org.revtrace.core.dataset.Dataset;

/**
 * The leads the SLA applies to, split the way the funnel's lead response is: answered within the
 * SLA, answered late, never answered (the SLA ran out before the reference), still pending.
 */
final class LeadResponseChecks {

  final List<Integer> late = new ArrayList<>();
  final List<Integer> never = new ArrayList<>();
  long due;

  LeadResponseChecks(AuditInput input) {
    Dataset data = input.dataset();
    long sla = input.settings().funnel().responseSla().getSeconds();
    long reference = input.settings().funnel().reference().getEpochSecond();
    for (int lead = 0; lead < data.leadCount(); lead++) {
      long created = data.leadCreated()[lead];
      long answered = data.leadFirstResponse()[lead];
      if (answered == Dataset.NO_TIME) {
        if (reference - created >= sla) {
          never.add(lead);
          due++;
        }
        continue;
      }
      due++;
      if (Math.max(0, answered - created) > sla) {
        late.add(lead);
      }
    }
  }
}
