package org.revtrace.core.audit.check;

import java.util.HashMap;
import java.util.Map;
import org.revtrace.core.audit.AuditInput;
import org.revtrace.core.dataset.Dataset;

/**
 * Spend in the reporting currency by {@code channel/campaign} (campaign-less: {@code channel/}).
 */
final class SpendKeys {

  private SpendKeys() {}

  static String key(String channel, String campaign) {
    return channel + "/" + (campaign == null ? "" : campaign);
  }

  static Map<String, Long> costByKey(AuditInput input) {
    Dataset data = input.dataset();
    Map<String, Long> cost = new HashMap<>();
    for (int s = 0; s < data.spendCount(); s++) {
      String channel = data.channels().decode(data.spendChannel()[s]);
      int campaign = data.spendCampaign()[s];
      String name = campaign < 0 ? null : data.campaignName(campaign);
      cost.merge(key(channel, name), data.spendCost()[s], Long::sum);
    }
    return cost;
  }
}
