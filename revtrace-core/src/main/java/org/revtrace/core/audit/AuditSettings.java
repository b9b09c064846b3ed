package org.revtrace.core.audit;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.revtrace.core.funnel.FunnelOptions;

/**
 * The thresholds of the audit's checks.
 *
 * @param funnel the pipeline stages, stale-deal age ({@code stuckAfter}) and lead response SLA
 * @param feedGap a feed that delivered rows regularly and has none for this long before the data's
 *     end has stopped
 * @param duplicateWindow two leads of the same e-mail or phone created within this are duplicates
 * @param campaignTypoDistance the largest edit distance between a rare campaign name and a frequent
 *     one of the same source for the rare one to be a typo
 * @param manualMarkers lead channels or sources that mean "typed in by hand" (lower case)
 * @param paidMediums UTM mediums of paid traffic (lower case)
 */
public record AuditSettings(
    FunnelOptions funnel,
    Duration feedGap,
    Duration duplicateWindow,
    int campaignTypoDistance,
    Set<String> manualMarkers,
    Set<String> paidMediums) {

  /** Manual-entry markers seen in CRMs' source fields (Bitrix24 {@code SELF}, amoCRM "Вручную"). */
  public static final Set<String> DEFAULT_MANUAL_MARKERS =
      Set.of("manual", "self", "вручную", "manually", "offline entry", "ручной ввод");

  /** The paid mediums of the default channel grouping. */
  public static final Set<String> DEFAULT_PAID_MEDIUMS =
      Set.of(
          "cpc",
          "ppc",
          "cpm",
          "cpa",
          "cpv",
          "paid",
          "paidsearch",
          "paid_search",
          "paid-search",
          "paid_social",
          "paidsocial",
          "display",
          "banner",
          "retargeting",
          "remarketing");

  public AuditSettings {
    Objects.requireNonNull(funnel, "funnel");
    requirePositive(feedGap, "feedGap");
    requirePositive(duplicateWindow, "duplicateWindow");
    if (campaignTypoDistance < 1 || campaignTypoDistance > 3) {
      throw new IllegalArgumentException("campaignTypoDistance must be 1..3");
    }
    manualMarkers = Set.copyOf(manualMarkers);
    paidMediums = Set.copyOf(paidMediums);
  }

  /** Defaults: the default funnel as of {@code reference}, 7-day feed gap, 30-day duplicates. */
  public static AuditSettings defaults(java.time.Instant reference) {
    return new AuditSettings(
        FunnelOptions.defaults(reference),
        Duration.ofDays(7),
        Duration.ofDays(30),
        2,
        DEFAULT_MANUAL_MARKERS,
        DEFAULT_PAID_MEDIUMS);
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
