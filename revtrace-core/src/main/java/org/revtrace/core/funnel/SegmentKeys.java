package org.revtrace.core.funnel;

import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.dataset.Dimension;

/**
 * The breakdown key of each subject and each deal.
 *
 * <p>Channel: the lead's own channel (a deal's own channel, which is its lead's), not a touch-based
 * one, so the funnel matches what the CRM shows and needs no attribution model. Account attributes
 * come from the lead's account, else the deal's; the product from the deal.
 */
final class SegmentKeys {

  private final Dataset data;
  private final Subjects subjects;

  SegmentKeys(Dataset data, Subjects subjects) {
    this.data = data;
    this.subjects = subjects;
  }

  String ofSubject(Breakdown breakdown, int s) {
    int lead = subjects.lead[s];
    int deal = subjects.deal[s];
    return switch (breakdown) {
      case CHANNEL ->
          data.channels()
              .decode(
                  lead >= 0
                      ? data.leadKeys(Dimension.CHANNEL)[lead]
                      : data.dealKeys(Dimension.CHANNEL)[deal]);
      case PRODUCT -> product(deal);
      case INDUSTRY, SIZE, REGION, TIER -> {
        int account = lead >= 0 ? data.leadAccount()[lead] : -1;
        yield attribute(breakdown, account < 0 && deal >= 0 ? data.dealAccount()[deal] : account);
      }
    };
  }

  String ofDeal(Breakdown breakdown, int deal) {
    return switch (breakdown) {
      case CHANNEL -> data.channels().decode(data.dealKeys(Dimension.CHANNEL)[deal]);
      case PRODUCT -> product(deal);
      case INDUSTRY, SIZE, REGION, TIER -> {
        int account = data.dealAccount()[deal];
        int lead = data.dealLead()[deal];
        yield attribute(breakdown, account < 0 && lead >= 0 ? data.leadAccount()[lead] : account);
      }
    };
  }

  private String product(int deal) {
    int product = deal >= 0 ? data.dealProduct()[deal] : -1;
    return product >= 0 ? data.products().decode(product) : FunnelReport.NONE;
  }

  private String attribute(Breakdown breakdown, int account) {
    if (account < 0) {
      return FunnelReport.NONE;
    }
    String value =
        switch (breakdown) {
          case INDUSTRY -> data.accountIndustry()[account];
          case SIZE -> data.accountSize()[account];
          case REGION -> data.accountRegion()[account];
          case TIER -> data.accountTier()[account];
          case CHANNEL, PRODUCT -> throw new IllegalArgumentException("not an account attribute");
        };
    return value == null ? FunnelReport.NONE : value;
  }
}
