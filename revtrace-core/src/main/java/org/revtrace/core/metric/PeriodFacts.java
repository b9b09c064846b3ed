package org.revtrace.core.metric;

import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.dataset.Dimension;
import org.revtrace.core.model.Allocation;
import org.revtrace.core.model.CostCategory;

/**
 * Spend and cost sums of a report's period, per key of its dimension and per campaign, and the
 * spreading of costs over keys.
 *
 * <p>Costs tied to a channel in costs.csv go to that channel; costs tied to none (and, in a report
 * by source, all costs) are spread over keys in proportion to their media spend in the period (to
 * the kopeck, largest remainder). With no media spend at all, untied costs stay in the totals only.
 */
final class PeriodFacts {

  final long[] channelSpend;
  final long[] channelImpressions;
  final long[] channelClicks;
  final long[] campaignSpend;
  final long[] campaignImpressions;
  final long[] campaignClicks;
  final long[][] channelCostByCategory;
  final long[] untiedCostByCategory = new long[CostCategory.values().length];
  long totalSpend;
  long totalImpressions;
  long totalClicks;
  long totalMarketingCost;
  long totalAcquisitionCost;

  PeriodFacts(Dataset data, ReportRequest request) {
    long firstDay = request.from() == null ? Long.MIN_VALUE : request.from().toEpochDay();
    long lastDay = request.to() == null ? Long.MAX_VALUE : request.to().toEpochDay();
    int channels = data.keys(request.dimension()).size();
    int[] spendKey = data.spendKeys(request.dimension());
    boolean costsByKey = request.dimension() == Dimension.CHANNEL;
    channelSpend = new long[channels];
    channelImpressions = new long[channels];
    channelClicks = new long[channels];
    campaignSpend = new long[data.campaigns().size()];
    campaignImpressions = new long[data.campaigns().size()];
    campaignClicks = new long[data.campaigns().size()];
    for (int s = 0; s < data.spendCount(); s++) {
      int day = data.spendDay()[s];
      if (day < firstDay || day > lastDay) {
        continue;
      }
      int c = spendKey[s];
      int m = data.spendCampaign()[s];
      channelSpend[c] += data.spendCost()[s];
      channelImpressions[c] += data.spendImpressions()[s];
      channelClicks[c] += data.spendClicks()[s];
      campaignSpend[m] += data.spendCost()[s];
      campaignImpressions[m] += data.spendImpressions()[s];
      campaignClicks[m] += data.spendClicks()[s];
      totalSpend += data.spendCost()[s];
      totalImpressions += data.spendImpressions()[s];
      totalClicks += data.spendClicks()[s];
    }
    channelCostByCategory = new long[CostCategory.values().length][channels];
    long marketingCosts = 0;
    long allCosts = 0;
    for (int k = 0; k < data.costCount(); k++) {
      int day = data.costDay()[k];
      if (day < firstDay || day > lastDay) {
        continue;
      }
      int category = data.costCategory()[k];
      // Costs name channels; by source they are spread like untied costs.
      int channel = costsByKey ? data.costChannel()[k] : -1;
      long amount = data.costAmount()[k];
      if (channel >= 0) {
        channelCostByCategory[category][channel] += amount;
      } else {
        untiedCostByCategory[category] += amount;
      }
      allCosts += amount;
      if (CostCategory.values()[category].isMarketing()) {
        marketingCosts += amount;
      }
    }
    totalMarketingCost = totalSpend + marketingCosts;
    totalAcquisitionCost = totalSpend + allCosts;
  }

  void allocateCosts(long[] marketingCost, long[] acquisitionCost) {
    double[] spendWeights = new double[channelSpend.length];
    for (int c = 0; c < channelSpend.length; c++) {
      spendWeights[c] = channelSpend[c];
    }
    for (int c = 0; c < channelSpend.length; c++) {
      marketingCost[c] = channelSpend[c];
      acquisitionCost[c] = channelSpend[c];
    }
    for (CostCategory category : CostCategory.values()) {
      long[] tied = channelCostByCategory[category.ordinal()];
      long untied = untiedCostByCategory[category.ordinal()];
      long[] spread =
          totalSpend > 0 && untied != 0
              ? Allocation.largestRemainder(untied, spendWeights)
              : new long[channelSpend.length];
      for (int c = 0; c < channelSpend.length; c++) {
        long cost = tied[c] + spread[c];
        acquisitionCost[c] += cost;
        if (category.isMarketing()) {
          marketingCost[c] += cost;
        }
      }
    }
  }
}
