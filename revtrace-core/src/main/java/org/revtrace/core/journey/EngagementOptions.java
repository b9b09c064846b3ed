package org.revtrace.core.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.revtrace.core.model.TouchType;

/**
 * How to score account engagement.
 *
 * @param reference the instant ages are measured from; later touches are ignored
 * @param halfLife the age at which a touch counts half (default 30 days)
 */
public record EngagementOptions(Instant reference, Duration halfLife) {

  /**
   * Thirty days: a month-old touch counts half, a quarter-old one an eighth — recent enough for
   * sales prioritisation yet longer than a week, as B2B buying committees meet monthly.
   */
  public static final Duration DEFAULT_HALF_LIFE = Duration.ofDays(30);

  public EngagementOptions {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(halfLife, "halfLife");
    if (halfLife.isNegative() || halfLife.isZero()) {
      throw new IllegalArgumentException("halfLife must be positive: " + halfLife);
    }
  }

  public static EngagementOptions defaults(Instant reference) {
    return new EngagementOptions(reference, DEFAULT_HALF_LIFE);
  }

  /**
   * The weight of a touch type: how strongly it signals buying intent. A meeting (10) or a form (8,
   * a hand-raise) outweighs a call or an event (6), a webinar (5), a chat (4), an email (2), and an
   * ad click, a visit or anything else (1).
   */
  public static double weight(TouchType type) {
    return switch (type) {
      case MEETING -> 10;
      case FORM -> 8;
      case CALL, EVENT -> 6;
      case WEBINAR -> 5;
      case CHAT -> 4;
      case EMAIL -> 2;
      case AD_CLICK, VISIT, OTHER -> 1;
    };
  }
}
