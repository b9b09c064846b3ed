package org.revtrace.core.funnel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.model.DealStatus;

/** Computes the funnel summary of one set of subjects and deals. */
final class SegmentFunnel {

  private static final long DAY = 86_400;
  private static final byte OPEN = (byte) DealStatus.OPEN.ordinal();
  private static final byte WON = (byte) DealStatus.WON.ordinal();
  private static final byte LOST = (byte) DealStatus.LOST.ordinal();

  private final Dataset data;
  private final FunnelStages stages;
  private final Subjects subjects;
  private final FunnelOptions options;
  private final long reference;

  SegmentFunnel(Dataset data, FunnelStages stages, Subjects subjects, FunnelOptions options) {
    this.data = data;
    this.stages = stages;
    this.subjects = subjects;
    this.options = options;
    this.reference = options.reference().getEpochSecond();
  }

  FunnelSummary summarise(String segment, int[] members, int[] deals) {
    long lost = 0;
    for (int s : members) {
      if (subjects.lost[s]) {
        lost++;
      }
    }
    DealFacts facts = dealFacts(deals);
    return new FunnelSummary(
        segment,
        stageMetrics(members),
        lost,
        cycleFromLead(deals),
        facts.cycleFromDeal,
        facts.dealsWithBackwardMoves,
        facts.backwardMoves,
        stuck(deals),
        response(members),
        facts.velocity);
  }

  private List<StageMetrics> stageMetrics(int[] members) {
    int n = stages.size();
    long[] reached = new long[n];
    for (int s : members) {
      for (int stage = 0; stage <= subjects.furthest[s]; stage++) {
        reached[stage]++;
      }
    }
    List<StageMetrics> result = new ArrayList<>(n);
    long[] times = new long[members.length];
    for (int stage = 0; stage < n; stage++) {
      long previous = stage == 0 ? reached[0] : reached[stage - 1];
      long next = stage == n - 1 ? reached[stage] : reached[stage + 1];
      int count = timesInStage(members, stage, times);
      result.add(
          new StageMetrics(
              stages.name(stage),
              reached[stage],
              new Ratio(reached[stage], previous),
              new Ratio(reached[stage], reached[0]),
              reached[stage] - next,
              DurationStats.ofSeconds(times, count)));
    }
    return result;
  }

  /** Time from the first entry into {@code stage} to the first later entry into a further one. */
  private int timesInStage(int[] members, int stage, long[] out) {
    int count = 0;
    long[] here = subjects.entered[stage];
    for (int s : members) {
      long in = here[s];
      if (in == Dataset.NO_TIME) {
        continue;
      }
      long left = Long.MAX_VALUE;
      for (int later = stage + 1; later < stages.size(); later++) {
        long at = subjects.entered[later][s];
        if (at != Dataset.NO_TIME && at >= in && at < left) {
          left = at;
        }
      }
      if (left != Long.MAX_VALUE) {
        out[count++] = left - in;
      }
    }
    return count;
  }

  private DurationStats cycleFromLead(int[] deals) {
    long[] cycles = new long[deals.length];
    int n = 0;
    for (int d : deals) {
      int lead = data.dealLead()[d];
      long closed = data.dealClosed()[d];
      if (data.dealStatus()[d] == WON && lead >= 0 && closed != Dataset.NO_TIME) {
        long cycle = closed - data.leadCreated()[lead];
        if (cycle >= 0) {
          cycles[n++] = cycle;
        }
      }
    }
    return DurationStats.ofSeconds(cycles, n);
  }

  private record DealFacts(
      DurationStats cycleFromDeal,
      long dealsWithBackwardMoves,
      List<BackwardMove> backwardMoves,
      PipelineVelocity velocity) {}

  private DealFacts dealFacts(int[] deals) {
    long[] cycles = new long[deals.length];
    int n = 0;
    long cycleSum = 0;
    long won = 0;
    long lostDeals = 0;
    long open = 0;
    long wonAmount = 0;
    long withBackward = 0;
    long[][] moves = new long[stages.size()][stages.size()]; // [from][to]
    for (int d : deals) {
      byte status = data.dealStatus()[d];
      long closed = data.dealClosed()[d];
      if (status == WON) {
        won++;
        wonAmount = Math.addExact(wonAmount, data.dealAmount()[d]);
        long cycle = closed == Dataset.NO_TIME ? -1 : closed - data.dealCreated()[d];
        if (cycle >= 0) {
          cycles[n++] = cycle;
          cycleSum += cycle;
        }
      } else if (status == LOST) {
        lostDeals++;
      } else if (status == OPEN && data.dealCreated()[d] <= reference) {
        open++;
      }
      if (countBackwardMoves(d, moves)) {
        withBackward++;
      }
    }
    List<BackwardMove> backward = new ArrayList<>();
    for (int from = 0; from < stages.size(); from++) {
      for (int to = 0; to < stages.size(); to++) {
        if (moves[from][to] > 0) {
          backward.add(new BackwardMove(stages.name(from), stages.name(to), moves[from][to]));
        }
      }
    }
    // stable sort: equal counts stay in funnel order of (from, to)
    backward.sort(Comparator.comparingLong(BackwardMove::count).reversed());
    PipelineVelocity velocity = PipelineVelocity.of(open, won, lostDeals, wonAmount, cycleSum, n);
    return new DealFacts(DurationStats.ofSeconds(cycles, n), withBackward, backward, velocity);
  }

  /** Adds the deal's backward moves to {@code moves}; true when it has any. */
  private boolean countBackwardMoves(int d, long[][] moves) {
    int furthest = -1;
    int current = -1;
    boolean any = false;
    for (int c = data.dealStageChangeStart()[d]; c < data.dealStageChangeStart()[d + 1]; c++) {
      int stage = stages.of(data.stageChangeStage()[c]);
      if (stage < 0) {
        continue;
      }
      if (stage < furthest && current >= 0) {
        moves[current][stage]++;
        any = true;
      }
      furthest = Math.max(furthest, stage);
      current = stage;
    }
    return any;
  }

  private StuckDeals stuck(int[] deals) {
    long open = 0;
    long idleLimit = options.stuckAfter().getSeconds();
    List<StuckDeal> stuck = new ArrayList<>();
    for (int d : deals) {
      if (data.dealStatus()[d] != OPEN || data.dealCreated()[d] > reference) {
        continue;
      }
      open++;
      long last = data.dealCreated()[d];
      int stage = data.dealStage()[d];
      for (int c = data.dealStageChangeStart()[d]; c < data.dealStageChangeStart()[d + 1]; c++) {
        long at = data.stageChangeTime()[c];
        if (at <= reference && at >= last) {
          last = at;
          stage = data.stageChangeStage()[c];
        }
      }
      long idle = reference - last;
      if (idle >= idleLimit) {
        stuck.add(
            new StuckDeal(
                data.dealId()[d],
                stage >= 0 ? data.stages().decode(stage) : "(none)",
                Instant.ofEpochSecond(last),
                idle / DAY));
      }
    }
    stuck.sort(
        Comparator.comparingLong(StuckDeal::idleDays).reversed().thenComparing(StuckDeal::dealId));
    return new StuckDeals(open, stuck);
  }

  private LeadResponse response(int[] members) {
    long sla = options.responseSla().getSeconds();
    long[] delays = new long[members.length];
    int n = 0;
    long within = 0;
    long late = 0;
    long never = 0;
    long pending = 0;
    for (int s : members) {
      int lead = subjects.lead[s];
      if (lead < 0) {
        continue;
      }
      long created = data.leadCreated()[lead];
      long answered = data.leadFirstResponse()[lead];
      if (answered == Dataset.NO_TIME) {
        if (reference - created >= sla) {
          never++;
        } else {
          pending++;
        }
        continue;
      }
      long delay = Math.max(0, answered - created);
      delays[n++] = delay;
      if (delay <= sla) {
        within++;
      } else {
        late++;
      }
    }
    return new LeadResponse(DurationStats.ofSeconds(delays, n), within, late, never, pending);
  }
}
