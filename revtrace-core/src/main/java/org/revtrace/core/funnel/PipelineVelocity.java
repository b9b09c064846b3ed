package org.revtrace.core.funnel;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Pipeline velocity: open opportunities × win rate × average deal ÷ average sales cycle.
 *
 * @param openDeals deals open at the reference (status open, created at or before it)
 * @param winRate won ÷ (won + lost) over closed deals
 * @param averageDeal mean amount of won deals, minor units of the report currency (rounded)
 * @param averageCycle mean deal created → closed of won deals (negative cycles left out); null
 *     without won deals
 * @param perDay expected money per day in minor units, rounded; empty when a term is undefined or
 *     the average cycle is zero
 */
public record PipelineVelocity(
    long openDeals, Ratio winRate, long averageDeal, Duration averageCycle, OptionalLong perDay) {

  public PipelineVelocity {
    Objects.requireNonNull(winRate, "winRate");
    Objects.requireNonNull(perDay, "perDay");
  }

  /**
   * Velocity from raw sums: {@code cycleSum} is over the {@code cycleCount} won deals whose cycle
   * is known and not negative, {@code wonAmount} over all {@code won} deals.
   */
  static PipelineVelocity of(
      long openDeals, long won, long lost, long wonAmount, long cycleSum, long cycleCount) {
    Ratio winRate = new Ratio(won, won + lost);
    long averageDeal = won == 0 ? 0 : Math.round((double) wonAmount / won);
    if (cycleCount == 0) {
      return new PipelineVelocity(openDeals, winRate, averageDeal, null, OptionalLong.empty());
    }
    Duration averageCycle = Duration.ofSeconds(Math.round((double) cycleSum / cycleCount));
    double cycleDays = averageCycle.getSeconds() / 86_400.0;
    OptionalLong perDay =
        cycleDays <= 0
            ? OptionalLong.empty()
            : OptionalLong.of(Math.round(openDeals * winRate.valueOr(0) * averageDeal / cycleDays));
    return new PipelineVelocity(openDeals, winRate, averageDeal, averageCycle, perDay);
  }
}
