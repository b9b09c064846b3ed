package org.revtrace.core.funnel;

import java.util.Arrays;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.model.DealStatus;

/**
 * The things that travel the funnel: every lead (with its furthest deal) and every deal without a
 * lead, each with the first time it entered each stage.
 *
 * <p>A lead with several deals travels once, with the deal that got furthest (won beats any open
 * stage; ties go to the first deal), so lead counts are not inflated by repeat deals. Deal-level
 * metrics (cycle, backward moves, stuck deals, velocity) still use every deal.
 */
final class Subjects {

  final int count;
  final int[] lead; // -1 for a deal without a lead
  final int[] deal; // -1 for a lead without a deal
  final long[][] entered; // [stage][subject]: first entry, NO_TIME when not entered or unknown
  final int[] furthest; // the furthest stage reached, -1 for none
  final boolean[] lost;

  private Subjects(Dataset data, FunnelStages stages) {
    int[] reachOfDeal = new int[data.dealCount()];
    long[][] dealEntered = new long[stages.size()][data.dealCount()];
    for (long[] column : dealEntered) {
      Arrays.fill(column, Dataset.NO_TIME);
    }
    for (int d = 0; d < data.dealCount(); d++) {
      reachOfDeal[d] = enterDealStages(data, stages, d, dealEntered);
    }
    int[] bestDeal = new int[data.leadCount()];
    Arrays.fill(bestDeal, -1);
    int orphanDeals = 0;
    for (int d = 0; d < data.dealCount(); d++) {
      int l = data.dealLead()[d];
      if (l < 0) {
        orphanDeals++;
      } else if (bestDeal[l] < 0 || reachOfDeal[d] > reachOfDeal[bestDeal[l]]) {
        bestDeal[l] = d;
      }
    }
    count = data.leadCount() + orphanDeals;
    lead = new int[count];
    deal = new int[count];
    entered = new long[stages.size()][count];
    for (long[] column : entered) {
      Arrays.fill(column, Dataset.NO_TIME);
    }
    furthest = new int[count];
    lost = new boolean[count];
    int next = 0;
    for (int l = 0; l < data.leadCount(); l++) {
      lead[next] = l;
      deal[next] = bestDeal[l];
      next++;
    }
    for (int d = 0; d < data.dealCount(); d++) {
      if (data.dealLead()[d] < 0) {
        lead[next] = -1;
        deal[next] = d;
        next++;
      }
    }
    byte lostStatus = (byte) DealStatus.LOST.ordinal();
    for (int s = 0; s < count; s++) {
      int d = deal[s];
      if (lead[s] >= 0) {
        enterLeadStages(data, stages, lead[s], s);
      }
      if (d >= 0) {
        for (int stage = 0; stage < stages.size(); stage++) {
          enter(stage, s, dealEntered[stage][d]);
        }
        lost[s] = data.dealStatus()[d] == lostStatus;
      }
      furthest[s] = d >= 0 ? reachOfDeal[d] : -1;
      for (int stage = stages.size() - 1; stage > furthest[s]; stage--) {
        if (entered[stage][s] != Dataset.NO_TIME) {
          furthest[s] = stage;
        }
      }
    }
  }

  static Subjects of(Dataset data, FunnelStages stages) {
    return new Subjects(data, stages);
  }

  private void enterLeadStages(Dataset data, FunnelStages stages, int l, int s) {
    if (stages.lead() >= 0) {
      enter(stages.lead(), s, data.leadCreated()[l]);
    }
    if (stages.mql() >= 0) {
      enter(stages.mql(), s, data.leadMql()[l]);
    }
    if (stages.sql() >= 0) {
      enter(stages.sql(), s, data.leadSql()[l]);
    }
  }

  private void enter(int stage, int s, long at) {
    if (at != Dataset.NO_TIME && (entered[stage][s] == Dataset.NO_TIME || at < entered[stage][s])) {
      entered[stage][s] = at;
    }
  }

  /**
   * Records a deal's first entries from creation, stage history and status, and returns the
   * furthest stage it reached. The status decides the outcome: a won deal reached the won stage (at
   * its close time), and a won entry in the history of a deal not won is ignored.
   */
  private static int enterDealStages(
      Dataset data, FunnelStages stages, int d, long[][] dealEntered) {
    int won = stages.won();
    boolean isWon = data.dealStatus()[d] == (byte) DealStatus.WON.ordinal();
    int reach = -1;
    firstEntry(dealEntered[stages.opportunity()], d, data.dealCreated()[d]);
    reach = Math.max(reach, stages.opportunity());
    for (int c = data.dealStageChangeStart()[d]; c < data.dealStageChangeStart()[d + 1]; c++) {
      int stage = stages.of(data.stageChangeStage()[c]);
      if (stage < 0 || (stage == won && !isWon)) {
        continue;
      }
      firstEntry(dealEntered[stage], d, data.stageChangeTime()[c]);
      reach = Math.max(reach, stage);
    }
    int currentStage = stages.of(data.dealStage()[d]);
    if (currentStage >= 0 && (currentStage != won || isWon)) {
      reach = Math.max(reach, currentStage);
    }
    if (isWon) {
      firstEntry(dealEntered[won], d, data.dealClosed()[d]);
      reach = won;
    }
    return reach;
  }

  private static void firstEntry(long[] column, int d, long at) {
    if (at != Dataset.NO_TIME && (column[d] == Dataset.NO_TIME || at < column[d])) {
      column[d] = at;
    }
  }
}
