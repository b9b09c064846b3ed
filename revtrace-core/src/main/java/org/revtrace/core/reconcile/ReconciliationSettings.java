package org.revtrace.core.reconcile;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.revtrace.core.model.Currencies;

/**
 * How to reconcile.
 *
 * @param currency the reporting currency (ISO 4217)
 * @param period how days are grouped
 * @param zone the report's time zone: tracked timestamps fall into this zone's days
 * @param platformZone the time zone of the platform's report days (the ad account's zone); the
 *     {@link ReasonCode#TIME_ZONE} reason measures what re-counting tracked facts in it moves
 * @param from first day, or null for no bound
 * @param to last day, or null for no bound
 * @param campaign only this campaign (case-insensitive), or null for every campaign with spend
 * @param lookback a touch this long or less before a lead ties the lead to the touch's campaign
 * @param session an arrival of the same person and campaign this soon after another is a duplicate
 * @param duplicateLeads a lead of a person who had another lead this soon before is a duplicate
 */
public record ReconciliationSettings(
    String currency,
    Period period,
    ZoneId zone,
    ZoneId platformZone,
    LocalDate from,
    LocalDate to,
    String campaign,
    Duration lookback,
    Duration session,
    Duration duplicateLeads) {

  /** The default lookback: 30 days, the default click window of Google Ads and Yandex Direct. */
  public static final Duration LOOKBACK = Duration.ofDays(30);

  public ReconciliationSettings {
    if (!Currencies.isValidCode(currency)) {
      throw new IllegalArgumentException("not an ISO 4217 currency: " + currency);
    }
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(platformZone, "platformZone");
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("to " + to + " is before from " + from);
    }
    campaign = campaign == null || campaign.isBlank() ? null : campaign.strip();
    requirePositive(lookback, "lookback");
    requirePositive(session, "session");
    requirePositive(duplicateLeads, "duplicateLeads");
  }

  /**
   * Monthly, platform days in the report's zone, no range, every campaign, a 30-day lookback,
   * 30-minute sessions and 30 days between duplicate leads.
   */
  public static ReconciliationSettings defaults(String currency, ZoneId zone) {
    return new ReconciliationSettings(
        currency,
        Period.MONTH,
        zone,
        zone,
        null,
        null,
        null,
        LOOKBACK,
        Duration.ofMinutes(30),
        Duration.ofDays(30));
  }

  public ReconciliationSettings withPeriod(Period period) {
    return new ReconciliationSettings(
        currency,
        period,
        zone,
        platformZone,
        from,
        to,
        campaign,
        lookback,
        session,
        duplicateLeads);
  }

  public ReconciliationSettings withPlatformZone(ZoneId platformZone) {
    return new ReconciliationSettings(
        currency,
        period,
        zone,
        platformZone,
        from,
        to,
        campaign,
        lookback,
        session,
        duplicateLeads);
  }

  public ReconciliationSettings withRange(LocalDate from, LocalDate to) {
    return new ReconciliationSettings(
        currency,
        period,
        zone,
        platformZone,
        from,
        to,
        campaign,
        lookback,
        session,
        duplicateLeads);
  }

  public ReconciliationSettings withCampaign(String campaign) {
    return new ReconciliationSettings(
        currency,
        period,
        zone,
        platformZone,
        from,
        to,
        campaign,
        lookback,
        session,
        duplicateLeads);
  }

  public ReconciliationSettings withLookback(Duration lookback) {
    return new ReconciliationSettings(
        currency,
        period,
        zone,
        platformZone,
        from,
        to,
        campaign,
        lookback,
        session,
        duplicateLeads);
  }

  /** True when {@code day} is within the range. */
  boolean contains(LocalDate day) {
    return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
  }
}
