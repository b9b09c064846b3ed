package org.revtrace.core.journey;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One channel path (consecutive repeats collapsed) and how its journeys ended.
 *
 * @param channels the path, first touch first
 * @param journeys journeys with this path, converting or not
 * @param won journeys with this path that ended in a won deal
 * @param revenue won revenue of those journeys, minor units
 * @param cost media spend apportioned to the path, minor units (see {@link PathAnalysis})
 */
public record ChannelPath(List<String> channels, long journeys, long won, long revenue, long cost) {

  public ChannelPath {
    channels = List.copyOf(channels);
    if (channels.isEmpty() || won > journeys || won < 0) {
      throw new IllegalArgumentException("bad path " + channels + ": " + won + "/" + journeys);
    }
  }

  /** Won ÷ all journeys with this path. */
  public double conversionRate() {
    return (double) won / journeys;
  }

  /** Revenue per journey with this path (converting or not), minor units, rounded. */
  public long revenuePerJourney() {
    return Math.round((double) revenue / journeys);
  }

  /** (revenue − cost) ÷ cost; empty when no spend was apportioned to the path. */
  public OptionalDouble roi() {
    return cost == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) (revenue - cost) / cost);
  }

  /** Revenue per won journey; empty when none won. */
  public OptionalLong averageDeal() {
    return won == 0 ? OptionalLong.empty() : OptionalLong.of(Math.round((double) revenue / won));
  }

  /** The path as text, {@code seo > email > direct}. */
  public String text() {
    return String.join(" > ", channels).toLowerCase(Locale.ROOT);
  }
}
