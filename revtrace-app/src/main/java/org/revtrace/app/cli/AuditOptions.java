package org.revtrace.app.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.revtrace.core.audit.Audit;
import org.revtrace.core.audit.AuditInput;
import org.revtrace.core.audit.AuditReport;
import org.revtrace.core.audit.AuditSettings;
import org.revtrace.core.funnel.FunnelOptions;

/**
 * The audit's thresholds as the CLI and the server take them.
 *
 * @param asOf the day the audit is "as of" (null: the data's last event)
 * @param slaMinutes lead response SLA
 * @param staleDays an open deal idle this long is stale
 * @param feedGapDays a regular feed silent this long has stopped
 * @param duplicateDays leads of one person within this are duplicates
 */
public record AuditOptions(
    LocalDate asOf, long slaMinutes, long staleDays, long feedGapDays, long duplicateDays) {

  public AuditOptions {
    if (slaMinutes <= 0 || staleDays <= 0 || feedGapDays <= 0 || duplicateDays <= 0) {
      throw new BadArgument("the SLA, stale, feed-gap and duplicate thresholds must be positive");
    }
  }

  /** 60-minute SLA, 30 stale days, 7-day feed gap, 30-day duplicates, as of the data's end. */
  public static AuditOptions defaults() {
    return new AuditOptions(null, 60, 30, 7, 30);
  }

  /** The settings for data whose audit reference is {@code reference}. */
  AuditSettings settings(Instant reference) {
    FunnelOptions funnel =
        FunnelOptions.defaults(reference)
            .withStuckAfter(Duration.ofDays(staleDays))
            .withResponseSla(Duration.ofMinutes(slaMinutes));
    AuditSettings defaults = AuditSettings.defaults(reference);
    return new AuditSettings(
        funnel,
        Duration.ofDays(feedGapDays),
        Duration.ofDays(duplicateDays),
        defaults.campaignTypoDistance(),
        defaults.manualMarkers(),
        defaults.paidMediums());
  }

  /** Runs the standard audit over what was loaded. */
  AuditReport run(DataLoader.Loaded loaded) {
    AuditSettings settings = settings(Output.asOf(asOf, loaded.dataset()));
    return Audit.standard()
        .run(
            new AuditInput(
                loaded.imported().data(),
                loaded.normalized(),
                loaded.dataset(),
                loaded.errors(),
                settings));
  }
}
