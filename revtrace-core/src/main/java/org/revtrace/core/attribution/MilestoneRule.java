package org.revtrace.core.attribution;

import java.util.Arrays;
import org.revtrace.core.journey.Goal;
import org.revtrace.core.journey.Journeys;

/**
 * W-shaped and full-path (Z-shaped) credit: fixed shares to milestone touches, the rest spread
 * evenly over the other touches.
 *
 * <p>Milestones: the first touch; the lead-creation touch (last touch at or before the lead was
 * created); the opportunity-creation touch (last touch at or before the deal was created); and, for
 * full path, the closed-won touch (the last touch of a won journey). Fallbacks, documented in
 * docs/definitions/attribution.md: a milestone that is absent (no lead, no deal, goal before it)
 * gives its share to the present milestones equally, so they keep {@code milestoneTotal};
 * milestones on the same touch add up on it; when no other touch remains, the milestones share
 * everything.
 */
final class MilestoneRule implements TouchWeights {

  private final boolean closedWon;
  private final double milestoneTotal;

  private MilestoneRule(boolean closedWon, double milestoneTotal) {
    this.closedWon = closedWon;
    this.milestoneTotal = milestoneTotal;
  }

  /** 30% first touch, 30% lead creation, 30% opportunity creation, 10% the rest. */
  static MilestoneRule wShaped() {
    return new MilestoneRule(false, 0.9);
  }

  /** 22.5% each to first, lead creation, opportunity creation and closed won; 10% the rest. */
  static MilestoneRule fullPath() {
    return new MilestoneRule(true, 0.9);
  }

  @Override
  public void weigh(Journeys journeys, int journey, int from, int to, double[] weights) {
    int length = to - from;
    Arrays.fill(weights, 0, length, 0);
    int lead = journeys.leadTouch()[journey];
    int opportunity = journeys.opportunityTouch()[journey];
    int first = 0;
    int second = lead >= 0 ? lead - from : -1;
    int third = opportunity >= 0 ? opportunity - from : -1;
    int fourth = closedWon && journeys.goal() == Goal.WON ? length - 1 : -1;
    int count = 1 + (second >= 0 ? 1 : 0) + (third >= 0 ? 1 : 0) + (fourth >= 0 ? 1 : 0);
    int distinct = 1;
    distinct += second >= 0 && second != first ? 1 : 0;
    distinct += third >= 0 && third != first && third != second ? 1 : 0;
    distinct += fourth >= 0 && fourth != first && fourth != second && fourth != third ? 1 : 0;
    int rest = length - distinct;
    double share = (rest > 0 ? milestoneTotal : 1.0) / count;
    if (rest > 0) {
      Arrays.fill(weights, 0, length, (1 - milestoneTotal) / rest);
      weights[first] = 0;
      clearIfPresent(weights, second);
      clearIfPresent(weights, third);
      clearIfPresent(weights, fourth);
    }
    weights[first] += share;
    addIfPresent(weights, second, share);
    addIfPresent(weights, third, share);
    addIfPresent(weights, fourth, share);
  }

  private static void clearIfPresent(double[] weights, int touch) {
    if (touch >= 0) {
      weights[touch] = 0;
    }
  }

  private static void addIfPresent(double[] weights, int touch, double share) {
    if (touch >= 0) {
      weights[touch] += share;
    }
  }
}
