package org.revtrace.app.cli;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.revtrace.core.reconcile.Period;
import org.revtrace.core.reconcile.ReconciliationSettings;

/** Reconciliation settings from text, as the CLI and the API take them (bad text: BadArgument). */
public final class ReconcileOptions {

  private ReconcileOptions() {}

  /**
   * The settings; null arguments take the defaults (month, UTC, platform days in the report's zone,
   * every campaign, no range, a 30-day lookback).
   */
  public static ReconciliationSettings settings(
      String period,
      String from,
      String to,
      String campaign,
      String currency,
      String zone,
      String platformZone,
      Integer lookbackDays) {
    ZoneId reportZone = zone(zone == null ? "UTC" : zone, "zone");
    ReconciliationSettings settings =
        ReconciliationSettings.defaults(
            Formats.currency(currency == null ? "RUB" : currency), reportZone);
    if (period != null) {
      settings =
          settings.withPeriod(
              Period.parse(period)
                  .orElseThrow(
                      () ->
                          new BadArgument(
                              "unknown period '" + period + "': use day, week or month")));
    }
    if (platformZone != null) {
      settings = settings.withPlatformZone(zone(platformZone, "platform zone"));
    }
    LocalDate first = Output.date(from, "--from");
    LocalDate last = Output.date(to, "--to");
    if (first != null && last != null && last.isBefore(first)) {
      throw new BadArgument("--to " + last + " is before --from " + first);
    }
    settings = settings.withRange(first, last).withCampaign(campaign);
    if (lookbackDays != null) {
      if (lookbackDays <= 0) {
        throw new BadArgument("the lookback must be a positive number of days: " + lookbackDays);
      }
      settings = settings.withLookback(Duration.ofDays(lookbackDays));
    }
    return settings;
  }

  private static ZoneId zone(String id, String what) {
    try {
      return ZoneId.of(id.strip());
    } catch (DateTimeException e) {
      throw new BadArgument("unknown " + what + " '" + id + "' (use e.g. Europe/Moscow or UTC)");
    }
  }
}
