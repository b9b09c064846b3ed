package org.revtrace.app.demo;

import java.util.List;

/**
 * When things happen in one account's journey, in epoch seconds; -1 where a step never happens.
 *
 * @param start first touch may happen from here
 * @param end last touch may happen until here (the close for closed deals)
 * @param stages stage entries in time order, the first being {@link Stage#LEAD}; empty without a
 *     lead
 */
record Timeline(
    Outcome outcome,
    long start,
    long end,
    long leadAt,
    long mqlAt,
    long sqlAt,
    long closedAt,
    List<Entry> stages) {

  Timeline {
    stages = List.copyOf(stages);
  }

  /** One row of {@code stage_changes.csv}. */
  record Entry(Stage stage, long at) {}

  /** The stage the deal is in at the end of the window. */
  Stage currentStage() {
    return stages.get(stages.size() - 1).stage();
  }

  /** When the given stage was first entered, or -1. */
  long entered(Stage stage) {
    for (Entry entry : stages) {
      if (entry.stage() == stage) {
        return entry.at();
      }
    }
    return -1;
  }
}
