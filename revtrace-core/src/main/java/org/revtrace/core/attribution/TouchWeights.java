package org.revtrace.core.attribution;

import org.revtrace.core.journey.Journeys;

/**
 * A rule-based model's weighting of one journey's touches.
 *
 * <p>Implementations write, for touches {@code from .. to-1} of journey {@code journey}, weights
 * into {@code weights[0 .. to-from-1]} that are non-negative and sum to 1.
 */
interface TouchWeights {

  void weigh(Journeys journeys, int journey, int from, int to, double[] weights);
}
