package org.revtrace.core.audit.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntBinaryOperator;
import org.revtrace.core.audit.AuditInput;
import org.revtrace.core.audit.Finding;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.funnel.FunnelStages;

/**
 * Walks every deal's recorded stage history in funnel stages (lost and unmapped stages skipped) and
 * flags the deals with at least one step from one funnel stage to the next that a rule marks; the
 * finding counts them among the deals with a history, with their won revenue and open amount.
 */
final class StageHistories {

  private StageHistories() {}

  /**
   * The finding of {@code check}: deals with a step {@code (previous, next)} for which {@code
   * marks} gives non-zero.
   */
  static Optional<Finding> flagged(
      Check check, AuditInput input, IntBinaryOperator marks, String whatTheyDid) {
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
      boolean marked = false;
      for (int c = start[d]; c < start[d + 1]; c++) {
        int funnelStage = stages.of(stage[c]);
        if (funnelStage < 0) {
          continue; // lost or unmapped
        }
        if (previous != Integer.MIN_VALUE && marks.applyAsInt(previous, funnelStage) != 0) {
          marked = true;
        }
        previous = funnelStage;
      }
      if (marked) {
        String id = data.dealId()[d];
        ids.add(id);
        revenue += data.dealRevenue()[d];
        pipeline += input.openAmountOfDeal(id);
      }
    }
    return check.found(
        ids.size(),
        Math.max(withHistory, ids.size()),
        "deals with a stage history",
        revenue,
        0,
        pipeline,
        ids,
        ids.size()
            + " of "
            + withHistory
            + " deals with a stage history ("
            + Check.percent(ids.size(), withHistory)
            + ") "
            + whatTheyDid);
  }
}
