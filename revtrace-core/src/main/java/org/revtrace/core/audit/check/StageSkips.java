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
    Dataset data = input.dataset();
    FunnelStages stages = FunnelStages.resolve(data, input.settings().funnel());
    int[] start = data.dealStageChangeStart();
    int[] stage = data.stageChangeStage();
    List<String> ids = new ArrayList<>();
    long withHistory = 0;
    long revenue = 0;
    long pipeline = 0;
    for (int d = 0; d < data.dealCount(); d++) {
      int previous = Integer.MIN_VALUE;
      boolean skipped = false;
      if (start[d + 1] > start[d]) {
        withHistory++;
      }
      for (int c = start[d]; c < start[d + 1]; c++) {
        int funnelStage = stages.of(stage[c]);
        if (funnelStage < 0) {
          continue; // lost or unmapped
        }
        if (previous != Integer.MIN_VALUE && funnelStage > previous + 1) {
          skipped = true;
        }
        previous = funnelStage;
      }
      if (skipped) {
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
            + ") jump over a funnel stage");
  }
}
