package org.revtrace.core.recommend;

import java.util.Objects;

/**
 * One month of a unit: its cost and the credited value of the opportunities created in it.
 *
 * @param month {@code YYYY-MM}
 * @param cost marketing cost (a campaign's spend), minor units
 * @param value credited value of the month's new opportunities: won revenue, or amount × win
 *     probability while open, 0 when lost; minor units
 */
public record CurvePoint(String month, long cost, long value) {

  public CurvePoint {
    Objects.requireNonNull(month, "month");
  }
}
