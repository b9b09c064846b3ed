package org.revtrace.core.audit.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.revtrace.core.audit.AuditInput;
import org.revtrace.core.audit.Finding;
import org.revtrace.core.audit.Horizon;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.funnel.FunnelStages;

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
    Dataset data = input.dataset();
    FunnelStages stages = FunnelStages.resolve(data, input.settings().funnel());
    int[] start = data.dealStageChangeStart();
    int[] stage = data.stageChangeStage();
    List<String> ids = new ArrayList<>();
    long withHistory = 0;
    long revenue = 0;
    long pipeline = 0;
    for (int d = 0; d < data.dealCount(); d++) {
      if (start[d + 1] > start[d]) {
        withHistory++;
      }
      int previous = Integer.MIN_VALUE;
      boolean back = false;
      for (int c = start[d]; c < start[d + 1]; c++) {
        int funnelStage = stages.of(stage[c]);
        if (funnelStage < 0) {
          continue;
        }
        if (funnelStage < previous) {
          back = true;
        }
        previous = funnelStage;
      }
      if (back) {
        String id = data.dealId()[d];
        ids.add(id);
        revenue += data.dealRevenue()[d];
        pipeline += input.openAmountOfDeal(id);
      }
    }
    return found(
        ids.size(),
        Math.max(withHistory, ids.size()),
        "deals",
        revenue,
        0,
        pipeline,
        ids,
        ids.size()
            + " of "
            + withHistory
            + " deals with a stage history ("
            + percent(ids.size(), withHistory)
            + ") moved back to an earlier stage");
  }
}
