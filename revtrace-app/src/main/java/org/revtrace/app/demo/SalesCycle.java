package org.revtrace.app.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Plans the timing of an account's journey: weeks of research before the lead, then MQL, SQL and
 * the deal stages with realistic durations (longer for tier A), an occasional backward move
 * (negotiation → proposal → negotiation), and placement inside the window so that won and lost
 * deals close before the window ends while open deals are still running (a quarter of them stuck
 * for months).
 */
final class SalesCycle {

  private static final int SLACK_DAYS = 4;

  private final Window window;

  SalesCycle(Window window) {
    this.window = window;
  }

  Timeline plan(Outcome outcome, Account account, RandomGenerator rng) {
    double slow = account.tier() == Account.Tier.A ? 1.5 : 1.0;
    List<Stage> stages = new ArrayList<>();
    List<Double> offsets = new ArrayList<>();
    double preLead = Math.min(150, 5 + exponential(rng, 40));
    double tail;
    if (!outcome.hasLead()) {
      preLead = between(rng, 20, 200);
      tail = 0;
    } else {
      double at = 0;
      stages.add(Stage.LEAD);
      offsets.add(at);
      if (outcome.hasMql()) {
        at += between(rng, 0.05, 4);
        stages.add(Stage.MQL);
        offsets.add(at);
      }
      if (outcome.hasDeal()) {
        at += between(rng, 1, 21);
        stages.add(Stage.SQL);
        offsets.add(at);
        int reached = outcome == Outcome.WON ? 3 : rng.nextInt(4);
        Stage[] next = {Stage.MEETING, Stage.PROPOSAL, Stage.NEGOTIATION};
        double[][] durations = {{2, 14}, {4, 25}, {5, 35}};
        for (int i = 0; i < reached; i++) {
          at += between(rng, durations[i][0], durations[i][1]) * slow;
          stages.add(next[i]);
          offsets.add(at);
        }
        if (reached == 3 && rng.nextDouble() < 0.08) {
          at += between(rng, 3, 10);
          stages.add(Stage.PROPOSAL);
          offsets.add(at);
          at += between(rng, 3, 12);
          stages.add(Stage.NEGOTIATION);
          offsets.add(at);
        }
        if (outcome == Outcome.WON) {
          at += between(rng, 5, 40) * slow;
          stages.add(Stage.WON);
          offsets.add(at);
        } else if (outcome == Outcome.LOST) {
          at += between(rng, 3, 30);
          stages.add(Stage.LOST);
          offsets.add(at);
        }
      }
      tail =
          switch (outcome) {
            case WON, LOST -> 0;
            case OPEN -> between(rng, 0, 20);
            case LEAD_ONLY, MQL_ONLY -> between(rng, 5, 45);
            case NO_LEAD -> 0;
          };
    }
    double last = offsets.isEmpty() ? 0 : offsets.get(offsets.size() - 1);
    double total = preLead + last + tail;
    double room = window.days() - SLACK_DAYS;
    double scale = total > room ? room / total : 1;
    double free = room - total * scale;
    double lag = 0;
    if (outcome == Outcome.OPEN) {
      lag = rng.nextDouble() < 0.25 ? between(rng, 90, 240) : between(rng, 0, 25);
    }
    double startDay = outcome == Outcome.OPEN ? Math.max(0, free - lag) : rng.nextDouble() * free;
    long start = window.epochOfDay(0) + (long) (startDay * Window.DAY);
    long leadBase = start + (long) (preLead * scale * Window.DAY);
    List<Timeline.Entry> entries = new ArrayList<>();
    long previous = Long.MIN_VALUE;
    for (int i = 0; i < stages.size(); i++) {
      long raw = leadBase + (long) (offsets.get(i) * scale * Window.DAY);
      long at = i == 0 ? raw : businessTime(raw);
      at = Math.max(at, previous + 300 + rng.nextInt(3_000));
      entries.add(new Timeline.Entry(stages.get(i), at));
      previous = at;
    }
    long end = entries.isEmpty() ? leadBase : previous + (long) (tail * scale * Window.DAY);
    end = Math.min(end, window.endEpoch());
    Timeline draft = new Timeline(outcome, start, end, -1, -1, -1, -1, entries);
    long closedAt = outcome == Outcome.WON || outcome == Outcome.LOST ? previous : -1;
    return new Timeline(
        outcome,
        start,
        end,
        draft.entered(Stage.LEAD),
        draft.entered(Stage.MQL),
        draft.entered(Stage.SQL),
        closedAt,
        entries);
  }

  /** Moves a moment into working hours (09:00–19:00 Moscow) of the next weekday. */
  private long businessTime(long epochSecond) {
    int day = window.dayOf(epochSecond);
    long intoDay = epochSecond - window.epochOfDay(day);
    long hours = 9 * Window.HOUR + intoDay * 10 / 24;
    while (window.weekend(day)) {
      day++;
    }
    return window.epochOfDay(day) + hours;
  }

  static double between(RandomGenerator rng, double from, double to) {
    return from + rng.nextDouble() * (to - from);
  }

  static double exponential(RandomGenerator rng, double mean) {
    return -mean * Math.log(1 - rng.nextDouble());
  }
}
