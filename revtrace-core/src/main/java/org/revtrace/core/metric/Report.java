package org.revtrace.core.metric;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A channel report: totals, one row per channel (sorted by name) and, per channel, one row per
 * campaign. Channel rows add up to the totals: counts within floating rounding, money exactly.
 */
public record Report(
    String currency,
    String model,
    String goal,
    LocalDate from,
    LocalDate to,
    MetricRow totals,
    List<MetricRow> channels,
    Map<String, List<MetricRow>> campaignsByChannel) {

  public Report {
    channels = List.copyOf(channels);
    campaignsByChannel = Map.copyOf(campaignsByChannel);
  }
}
