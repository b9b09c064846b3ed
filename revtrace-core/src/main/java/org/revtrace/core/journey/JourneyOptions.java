package org.revtrace.core.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.revtrace.core.dataset.Dimension;

/**
 * What journeys to build.
 *
 * @param goal the conversion that ends a journey
 * @param level person or account journeys
 * @param lookback touches older than this before the conversion are left out (default 365 days)
 * @param from conversions at or after this instant (inclusive)
 * @param to conversions before this instant (exclusive)
 * @param withNonConverting also build journeys of people (accounts) who touched in the period but
 *     did not convert, as Markov null paths need
 * @param dimension what a touch is credited to: its channel or its UTM source
 */
public record JourneyOptions(
    Goal goal,
    JourneyLevel level,
    Duration lookback,
    Instant from,
    Instant to,
    boolean withNonConverting,
    Dimension dimension) {

  public static final Duration DEFAULT_LOOKBACK = Duration.ofDays(365);

  public JourneyOptions {
    Objects.requireNonNull(goal, "goal");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(lookback, "lookback");
    Objects.requireNonNull(dimension, "dimension");
    if (lookback.isNegative()) {
      throw new IllegalArgumentException("lookback must not be negative: " + lookback);
    }
    from = from == null ? Instant.MIN : from;
    to = to == null ? Instant.MAX : to;
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("empty period: from " + from + " is not before " + to);
    }
  }

  /** Person journeys to the goal over all time with the default lookback. */
  public static JourneyOptions of(Goal goal) {
    return new JourneyOptions(
        goal, JourneyLevel.PERSON, DEFAULT_LOOKBACK, null, null, false, Dimension.CHANNEL);
  }

  public JourneyOptions withLevel(JourneyLevel newLevel) {
    return new JourneyOptions(goal, newLevel, lookback, from, to, withNonConverting, dimension);
  }

  public JourneyOptions withGoal(Goal newGoal) {
    return new JourneyOptions(newGoal, level, lookback, from, to, withNonConverting, dimension);
  }

  public JourneyOptions withLookback(Duration newLookback) {
    return new JourneyOptions(goal, level, newLookback, from, to, withNonConverting, dimension);
  }

  public JourneyOptions withNonConverting(boolean include) {
    return new JourneyOptions(goal, level, lookback, from, to, include, dimension);
  }

  public JourneyOptions withDimension(Dimension newDimension) {
    return new JourneyOptions(goal, level, lookback, from, to, withNonConverting, newDimension);
  }
}
