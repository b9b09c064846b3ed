package org.revtrace.core.audit.check;

import java.util.Optional;
import org.revtrace.core.audit.AuditInput;
import org.revtrace.core.audit.Finding;
import org.revtrace.core.audit.Horizon;

/**
 * {@code BACKWARD_MOVES}: deals moved back to an earlier funnel stage (proposal → meeting), the
 * funnel report's backward moves listed per deal. Frequent returns mean unclear stage criteria.
 * Money: revenue of the affected won deals and amount of the open ones.
 */
public final class BackwardMoves extends Check {

  public BackwardMoves() {
    super("BACKWARD_MOVES", Horizon.MID_TERM);
  }

  @Override
  public Optional<Finding> run(AuditInput input) {
    return StageHistories.flagged(
        this, input, (previous, next) -> next < previous ? 1 : 0, "moved back to an earlier stage");
  }
}
