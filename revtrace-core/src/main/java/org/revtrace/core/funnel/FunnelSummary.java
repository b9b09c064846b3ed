package org.revtrace.core.funnel;

import java.util.List;
import java.util.Objects;

/**
 * The funnel of one segment (or of everything).
 *
 * @param segment the segment key, {@code (all)} for the total, {@code (none)} for a missing value
 * @param stages per-stage counts, conversions and time in stage, in funnel order
 * @param lost subjects whose deal was lost
 * @param cycleFromLead lead created → won, for won deals with a lead (negative cycles left out)
 * @param cycleFromDeal deal created → won, for won deals (negative cycles left out)
 * @param dealsWithBackwardMoves deals with at least one backward move
 * @param backwardMoves backward moves by (from, to), most frequent first
 * @param stuck open deals idle for too long
 * @param response lead response time against the SLA
 * @param velocity pipeline velocity
 */
public record FunnelSummary(
    String segment,
    List<StageMetrics> stages,
    long lost,
    DurationStats cycleFromLead,
    DurationStats cycleFromDeal,
    long dealsWithBackwardMoves,
    List<BackwardMove> backwardMoves,
    StuckDeals stuck,
    LeadResponse response,
    PipelineVelocity velocity) {

  public FunnelSummary {
    Objects.requireNonNull(segment, "segment");
    stages = List.copyOf(stages);
    backwardMoves = List.copyOf(backwardMoves);
    Objects.requireNonNull(cycleFromLead, "cycleFromLead");
    Objects.requireNonNull(cycleFromDeal, "cycleFromDeal");
    Objects.requireNonNull(stuck, "stuck");
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(velocity, "velocity");
  }

  /** The metrics of the named stage (case-insensitive). */
  public StageMetrics stage(String name) {
    String wanted = FunnelOptions.normalise(name);
    return stages.stream()
        .filter(s -> FunnelOptions.normalise(s.stage()).equals(wanted))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no funnel stage " + name));
  }
}
