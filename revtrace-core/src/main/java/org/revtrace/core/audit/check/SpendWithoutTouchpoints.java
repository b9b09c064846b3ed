package org.revtrace.core.audit.check;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.revtrace.core.audit.AuditInput;
import org.revtrace.core.audit.Finding;
import org.revtrace.core.audit.Horizon;
import org.revtrace.core.model.Spend;
import org.revtrace.core.model.Touchpoint;

/**
 * {@code SPEND_WITHOUT_TOUCHPOINTS}: spend rows whose campaign (or, for spend without a campaign,
 * whose channel) appears on no touchpoint — money spent with no visit to credit it to, usually
 * links without UTM tags or a campaign named differently in the ad account. Money: that spend.
 */
public final class SpendWithoutTouchpoints extends Check {

  public SpendWithoutTouchpoints() {
    super("SPEND_WITHOUT_TOUCHPOINTS", Horizon.MID_TERM);
  }

  @Override
  public Optional<Finding> run(AuditInput input) {
    Set<String> campaigns = new HashSet<>();
    Set<String> channels = new HashSet<>();
    for (Touchpoint touch : input.normalized().touchpoints()) {
      channels.add(touch.channel());
      if (touch.utm().campaign() != null) {
        campaigns.add(touch.utm().campaign());
      }
    }
    // The same rows in the data set carry the cost in the reporting currency, keyed alike.
    Map<String, Long> costByKey = SpendKeys.costByKey(input);
    Map<String, Long> unmatched = new TreeMap<>();
    long rows = 0;
    long affected = 0;
    for (Spend spend : input.normalized().spend()) {
      rows++;
      String campaign = spend.utm().campaign();
      boolean seen =
          campaign != null ? campaigns.contains(campaign) : channels.contains(spend.channel());
      if (!seen) {
        affected++;
        String key = SpendKeys.key(spend.channel(), campaign);
        unmatched.put(key, costByKey.getOrDefault(key, 0L));
      }
    }
    long money = unmatched.values().stream().mapToLong(Long::longValue).sum();
    return found(
        affected,
        rows,
        "spend rows",
        0,
        money,
        0,
        unmatched.keySet(),
        affected
            + " of "
            + rows
            + " spend rows ("
            + unmatched.size()
            + " campaigns, "
            + percent(money, input.totalSpend())
            + " of spend) match no touchpoint");
  }
}
