package org.revtrace.core.audit.check;

import java.util.Optional;
import org.revtrace.core.audit.AuditInput;
import org.revtrace.core.audit.Finding;
import org.revtrace.core.audit.Horizon;

/**
 * {@code STAGE_SKIPS}: deals whose recorded stage history jumps forward over a funnel stage (sql →
 * proposal without meeting). Either the stage was skipped in the process or not recorded in the
 * CRM; both make stage conversion and time-in-stage wrong. A move to lost is not a skip. Money:
 * revenue of the affected won deals and amount of the open ones.
 */
public final class StageSkips extends Check {

  public StageSkips() {
    super("STAGE_SKIPS", Horizon.MID_TERM);
  }

  @Override
  public Optional<Finding> run(AuditInput input) {
    return StageHistories.flagged(
        this, input, (previous, next) -> next > previous + 1 ? 1 : 0, "jump over a funnel stage");
  }
}
