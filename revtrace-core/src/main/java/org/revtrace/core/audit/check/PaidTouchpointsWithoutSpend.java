package org.revtrace.core.audit.check;

import java.util.HashSet;
import java.util.Locale;
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
 * {@code PAID_TOUCHPOINTS_WITHOUT_SPEND}: touchpoints with a paid UTM medium ({@code cpc}, {@code
 * cpm}, ... — the setting's list) whose campaign has no spend, on a channel without campaign-less
 * spend either. The revenue credited to them costs nothing in the reports, so ROMI is overstated:
 * an ad account not imported, or a campaign named differently there.
 */
public final class PaidTouchpointsWithoutSpend extends Check {

  public PaidTouchpointsWithoutSpend() {
    super("PAID_TOUCHPOINTS_WITHOUT_SPEND", Horizon.MID_TERM);
  }

  @Override
  public Optional<Finding> run(AuditInput input) {
    Set<String> campaigns = new HashSet<>();
    Set<String> channelsWithoutCampaign = new HashSet<>();
    for (Spend spend : input.normalized().spend()) {
      if (spend.utm().campaign() == null) {
        channelsWithoutCampaign.add(spend.channel());
      } else {
        campaigns.add(spend.utm().campaign());
      }
    }
    Set<String> paid = input.settings().paidMediums();
    long paidTouches = 0;
    long affected = 0;
    Map<String, Integer> unpaid = new TreeMap<>();
    java.util.List<String> ids = new java.util.ArrayList<>();
    for (Touchpoint touch : input.normalized().touchpoints()) {
      String medium = touch.utm().medium();
      if (medium == null || !paid.contains(medium.toLowerCase(Locale.ROOT))) {
        continue;
      }
      paidTouches++;
      String campaign = touch.utm().campaign();
      boolean covered =
          channelsWithoutCampaign.contains(touch.channel())
              || campaign != null && campaigns.contains(campaign);
      if (!covered) {
        affected++;
        ids.add(touch.id());
        unpaid.merge(SpendKeys.key(touch.channel(), campaign), 1, Integer::sum);
      }
    }
    return found(
        affected,
        paidTouches,
        "paid touchpoints",
        0,
        0,
        0,
        ids,
        java.util.List.copyOf(unpaid.keySet()),
        affected
            + " of "
            + paidTouches
            + " paid touchpoints ("
            + percent(affected, paidTouches)
            + ", "
            + unpaid.size()
            + " campaigns) have no spend");
  }
}
