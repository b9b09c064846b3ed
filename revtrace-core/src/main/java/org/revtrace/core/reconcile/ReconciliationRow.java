package org.revtrace.core.reconcile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the ad platform, the tracker and the CRM say about one campaign in one period, side by side.
 * Money is in minor units of the report's currency.
 *
 * @param campaign the utm_campaign (as normalised) the platform reports spend under
 * @param channel the channel of the campaign's spend rows
 * @param from the period's first day (clipped to the report's range)
 * @param to the period's last day (clipped to the report's range)
 * @param platformClicks clicks the platform reports
 * @param platformConversions conversions the platform reports, or null when none of the period's
 *     spend rows carries any (the platform or the file did not report them)
 * @param platformSpend spend the platform reports
 * @param trackedAdClicks touchpoints of type ad_click tagged with the campaign
 * @param trackedVisits arrivals tagged with the campaign: touchpoints of type ad_click or visit
 * @param trackedLeads leads whose journey has a touch of the campaign within the lookback before
 *     the lead, or whose own utm_campaign is the campaign
 * @param crmLeads leads whose own utm_campaign (the CRM's source fields) is the campaign
 * @param deals deals of the tracked leads (by lead id, else the contact's latest earlier lead)
 * @param wonDeals the won ones among them
 * @param wonRevenue their revenue: payments if any, else the amount
 * @param gaps clicks, conversions (when the platform reports them) and leads
 */
public record ReconciliationRow(
    String campaign,
    String channel,
    LocalDate from,
    LocalDate to,
    long platformClicks,
    BigDecimal platformConversions,
    long platformSpend,
    long trackedAdClicks,
    long trackedVisits,
    long trackedLeads,
    long crmLeads,
    long deals,
    long wonDeals,
    long wonRevenue,
    List<Gap> gaps) {

  public ReconciliationRow {
    Objects.requireNonNull(campaign, "campaign");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    gaps = List.copyOf(gaps);
  }

  /** The gap of {@code kind}, or null (conversions the platform did not report). */
  public Gap gap(GapKind kind) {
    for (Gap gap : gaps) {
      if (gap.kind() == kind) {
        return gap;
      }
    }
    return null;
  }

  /** Deals per tracked lead, or null without tracked leads. */
  public Double leadToDeal() {
    return trackedLeads == 0 ? null : (double) deals / trackedLeads;
  }

  /** Won revenue per unit of spend (ROAS), or null without spend. */
  public Double returnOnSpend() {
    return platformSpend == 0 ? null : (double) wonRevenue / platformSpend;
  }
}
