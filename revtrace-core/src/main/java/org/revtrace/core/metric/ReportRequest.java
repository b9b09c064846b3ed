package org.revtrace.core.metric;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.revtrace.core.attribution.ModelName;
import org.revtrace.core.attribution.ModelSettings;
import org.revtrace.core.dataset.Dimension;
import org.revtrace.core.journey.Goal;
import org.revtrace.core.journey.JourneyLevel;
import org.revtrace.core.journey.JourneyOptions;

/**
 * What a channel report is asked for.
 *
 * @param model attribution model
 * @param settings model parameters
 * @param goal the conversion counted by CPA (funnel counts are reported for every stage)
 * @param level person or account (buying committee) journeys
 * @param lookback journey lookback window
 * @param from first calendar day of the period in {@code zone}, inclusive; null for no bound
 * @param to last calendar day of the period in {@code zone}, inclusive; null for no bound
 * @param zone the report's time zone for calendar days
 * @param dimension rows by channel or by UTM source
 */
public record ReportRequest(
    ModelName model,
    ModelSettings settings,
    Goal goal,
    JourneyLevel level,
    Duration lookback,
    LocalDate from,
    LocalDate to,
    ZoneId zone,
    Dimension dimension) {

  public ReportRequest {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(goal, "goal");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(lookback, "lookback");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(dimension, "dimension");
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("period ends " + to + " before it starts " + from);
    }
  }

  /** Linear, goal won, person level, 365-day lookback, all time, UTC. */
  public static ReportRequest defaults() {
    return new ReportRequest(
        ModelName.LINEAR,
        ModelSettings.defaults(),
        Goal.WON,
        JourneyLevel.PERSON,
        JourneyOptions.DEFAULT_LOOKBACK,
        null,
        null,
        ZoneId.of("UTC"),
        Dimension.CHANNEL);
  }

  public ReportRequest withModel(ModelName value) {
    return new ReportRequest(value, settings, goal, level, lookback, from, to, zone, dimension);
  }

  public ReportRequest withGoal(Goal value) {
    return new ReportRequest(model, settings, value, level, lookback, from, to, zone, dimension);
  }

  public ReportRequest withPeriod(LocalDate first, LocalDate last) {
    return new ReportRequest(model, settings, goal, level, lookback, first, last, zone, dimension);
  }

  public ReportRequest withDimension(Dimension value) {
    return new ReportRequest(model, settings, goal, level, lookback, from, to, zone, value);
  }

  public ReportRequest withLevel(JourneyLevel value) {
    return new ReportRequest(model, settings, goal, value, lookback, from, to, zone, dimension);
  }

  /** Journey options for a goal over this request's period. */
  public JourneyOptions journeyOptions(Goal journeyGoal, boolean withNonConverting) {
    return new JourneyOptions(
        journeyGoal,
        level,
        lookback,
        from == null ? null : from.atStartOfDay(zone).toInstant(),
        to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
        withNonConverting,
        dimension);
  }
}
