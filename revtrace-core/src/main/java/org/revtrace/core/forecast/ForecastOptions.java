package org.revtrace.core.forecast;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.revtrace.core.funnel.FunnelOptions;

/**
 * What to forecast.
 *
 * @param funnel the stage order and names (only stages, aliases, lost and opportunity stages are
 *     used); its reference is the forecast's "as of" instant
 * @param zone the zone whose calendar months bucket the forecast
 * @param horizonMonths how many calendar months to forecast, starting with the month of "as of"
 */
public record ForecastOptions(FunnelOptions funnel, ZoneId zone, int horizonMonths) {

  public static final int DEFAULT_HORIZON_MONTHS = 6;

  public ForecastOptions {
    Objects.requireNonNull(funnel, "funnel");
    Objects.requireNonNull(zone, "zone");
    if (horizonMonths < 1) {
      throw new IllegalArgumentException("horizonMonths must be positive: " + horizonMonths);
    }
  }

  /** The default funnel stages and a six-month horizon as of {@code asOf}. */
  public static ForecastOptions defaults(Instant asOf, ZoneId zone) {
    return new ForecastOptions(FunnelOptions.defaults(asOf), zone, DEFAULT_HORIZON_MONTHS);
  }

  public Instant asOf() {
    return funnel.reference();
  }

  public ForecastOptions withHorizonMonths(int months) {
    return new ForecastOptions(funnel, zone, months);
  }
}
