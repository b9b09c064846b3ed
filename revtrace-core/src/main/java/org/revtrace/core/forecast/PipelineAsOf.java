package org.revtrace.core.forecast;

import java.util.Arrays;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.funnel.FunnelStages;
import org.revtrace.core.model.DealStatus;

/**
 * The deals as they stood at a cut instant, rebuilt from creation, close and stage history times,
 * so that a forecast at a past cut sees nothing that happened after it.
 *
 * <p>A deal is closed at the cut when it is won or lost with a close time at or before the cut; it
 * is open when it was created at or before the cut and is not closed then. An open deal's stage is
 * that of its latest event at or before the cut, where its creation counts as entering the
 * opportunity stage and stage changes to the won stage or to unmapped names are skipped.
 */
final class PipelineAsOf {

  static final int NOT_OPEN = -1;

  final int[] openStage; // per deal: stage at the cut, NOT_OPEN when not open then
  final long[] openSince; // per deal: when it entered that stage
  final boolean[] closed; // closed at or before the cut
  final boolean[] won; // closed and won
  final long[][] firstEntry; // [stage][deal] first entry at or before the cut, NO_TIME if none

  PipelineAsOf(Dataset data, FunnelStages stages, long cut) {
    int deals = data.dealCount();
    openStage = new int[deals];
    openSince = new long[deals];
    closed = new boolean[deals];
    won = new boolean[deals];
    firstEntry = new long[stages.size()][deals];
    for (long[] column : firstEntry) {
      Arrays.fill(column, Dataset.NO_TIME);
    }
    byte wonStatus = (byte) DealStatus.WON.ordinal();
    byte lostStatus = (byte) DealStatus.LOST.ordinal();
    for (int d = 0; d < deals; d++) {
      long created = data.dealCreated()[d];
      long closedAt = data.dealClosed()[d];
      byte status = data.dealStatus()[d];
      closed[d] =
          (status == wonStatus || status == lostStatus)
              && closedAt != Dataset.NO_TIME
              && closedAt <= cut;
      won[d] = closed[d] && status == wonStatus;
      openStage[d] = NOT_OPEN;
      if (created > cut) {
        continue;
      }
      int stage = stages.opportunity();
      long since = created;
      enter(stage, d, created);
      for (int c = data.dealStageChangeStart()[d]; c < data.dealStageChangeStart()[d + 1]; c++) {
        long at = data.stageChangeTime()[c];
        int mapped = stages.of(data.stageChangeStage()[c]);
        if (at > cut || mapped < 0 || mapped == stages.won()) {
          continue;
        }
        enter(mapped, d, at);
        if (at >= since) {
          stage = mapped;
          since = at;
        }
      }
      if (!closed[d]) {
        openStage[d] = stage;
        openSince[d] = since;
      }
    }
  }

  private void enter(int stage, int deal, long at) {
    long[] column = firstEntry[stage];
    if (column[deal] == Dataset.NO_TIME || at < column[deal]) {
      column[deal] = at;
    }
  }
}
