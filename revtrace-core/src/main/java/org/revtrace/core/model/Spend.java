package org.revtrace.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Media spend of one day on one channel (and campaign, when known), as the ad platform reports it.
 *
 * @param conversions the conversions the platform itself counted for the row, or null when the
 *     platform (or the file) did not report any. Platforms that split a conversion between
 *     campaigns (Google Ads data-driven attribution) report fractions, so it is a decimal; it is
 *     kept to hundredths, rounded half up, as the platforms' own interfaces show it
 *     (docs/definitions/reconciliation.md). Always of scale 2, so equal numbers are equal records.
 */
public record Spend(
    LocalDate date,
    String channel,
    Utm utm,
    long impressions,
    long clicks,
    Money cost,
    BigDecimal conversions) {

  /** Fraction digits kept of platform-reported conversions. */
  public static final int CONVERSION_SCALE = 2;

  public Spend {
    Objects.requireNonNull(date, "date");
    Text.requireId(channel, "channel");
    utm = utm == null ? Utm.NONE : utm;
    Objects.requireNonNull(cost, "cost");
    if (impressions < 0 || clicks < 0) {
      throw new IllegalArgumentException("impressions and clicks must not be negative");
    }
    if (conversions != null) {
      if (conversions.signum() < 0) {
        throw new IllegalArgumentException("conversions must not be negative: " + conversions);
      }
      conversions = conversions.setScale(CONVERSION_SCALE, RoundingMode.HALF_UP);
    }
  }

  /** Spend without platform-reported conversions. */
  public Spend(LocalDate date, String channel, Utm utm, long impressions, long clicks, Money cost) {
    this(date, channel, utm, impressions, clicks, cost, null);
  }

  /** The same row with other platform-reported conversions (null: not reported). */
  public Spend withConversions(BigDecimal conversions) {
    return new Spend(date, channel, utm, impressions, clicks, cost, conversions);
  }
}
