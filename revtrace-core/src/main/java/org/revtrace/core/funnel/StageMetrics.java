package org.revtrace.core.funnel;

import java.util.Objects;

/**
 * One funnel stage's counts and timing.
 *
 * @param stage the stage name
 * @param reached subjects that reached this stage or any later one (a skipped stage counts as
 *     passed)
 * @param fromPrevious stage-to-stage conversion: reached here ÷ reached at the previous stage (the
 *     first stage: reached ÷ reached)
 * @param fromFirst end-to-end conversion: reached here ÷ reached at the first stage
 * @param dropOff subjects that reached this stage but not the next one (0 at the last stage)
 * @param timeInStage for subjects that entered this stage at a known time and later entered a
 *     further stage: first entry into a further stage − first entry into this one
 */
public record StageMetrics(
    String stage,
    long reached,
    Ratio fromPrevious,
    Ratio fromFirst,
    long dropOff,
    DurationStats timeInStage) {

  public StageMetrics {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(fromPrevious, "fromPrevious");
    Objects.requireNonNull(fromFirst, "fromFirst");
    Objects.requireNonNull(timeInStage, "timeInStage");
    if (reached < 0 || dropOff < 0 || dropOff > reached) {
      throw new IllegalArgumentException(
          "bad counts at " + stage + ": " + reached + ", " + dropOff);
    }
  }

  /** Share of this stage's subjects that did not reach the next one: 1 − next conversion. */
  public Ratio dropOffRate() {
    return new Ratio(dropOff, reached);
  }
}
