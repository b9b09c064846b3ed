package org.revtrace.core.funnel;

import java.util.Objects;

/**
 * How fast sales answered leads, against the response SLA.
 *
 * <p>A lead is due when it was answered, or when its SLA has run out by the reference without an
 * answer; an unanswered lead still inside its SLA window is pending and is left out of every rate.
 *
 * @param responseTime created → first response of answered leads (a response recorded before
 *     creation counts as 0)
 * @param withinSla answered within the SLA (inclusive)
 * @param late answered after the SLA
 * @param neverResponded not answered, with the SLA run out by the reference
 * @param pending not answered, still inside the SLA at the reference
 */
public record LeadResponse(
    DurationStats responseTime, long withinSla, long late, long neverResponded, long pending) {

  public LeadResponse {
    Objects.requireNonNull(responseTime, "responseTime");
    if (withinSla < 0 || late < 0 || neverResponded < 0 || pending < 0) {
      throw new IllegalArgumentException("negative lead response counts");
    }
  }

  /** Leads the SLA applies to: answered plus never answered. */
  public long due() {
    return withinSla + late + neverResponded;
  }

  /** Answered within the SLA ÷ due leads. */
  public Ratio withinSlaShare() {
    return new Ratio(withinSla, due());
  }

  /** (Answered late + never answered) ÷ due leads. */
  public Ratio breachRate() {
    return new Ratio(late + neverResponded, due());
  }

  /** Never answered ÷ due leads (the part of the breach rate that is silence). */
  public Ratio neverRespondedShare() {
    return new Ratio(neverResponded, due());
  }
}
