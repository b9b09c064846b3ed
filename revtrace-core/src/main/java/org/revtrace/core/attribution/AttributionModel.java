package org.revtrace.core.attribution;

import org.revtrace.core.journey.Journeys;

/**
 * A rule that shares the credit for each conversion among the touches of its journey.
 *
 * <p>Every model is credit-conserving: the credited conversions sum to the number of converting
 * journeys, and each credited money value sums exactly, to the minor unit, to the journeys' total.
 */
public interface AttributionModel {

  /** The model's name in the report contract ({@code linear}, {@code markov}, ...). */
  String name();

  /** Credits every converting journey's conversion and values to channels and campaigns. */
  Attribution attribute(Journeys journeys);
}
