package org.revtrace.core.journey;

import org.revtrace.core.dataset.Dictionary;

/**
 * Journeys in columnar form: journey {@code j} is the touch slice {@code start[j] .. start[j+1]-1},
 * in time order, ending in a conversion (or in nothing, for non-converting journeys).
 *
 * <p>Milestone touches are absolute touch positions, or -1 when absent: {@code leadTouch} is the
 * last touch at or before the lead was created, {@code opportunityTouch} the last touch at or
 * before the deal was created. Arrays are shared without copying: read-only.
 */
public final class Journeys {

  final Dictionary channels;
  final Dictionary campaigns;
  final int directChannel;
  final Goal goal;
  int size;
  int[] start;
  int[] channel;
  int[] campaign;
  long[] time;
  byte[] type;
  boolean[] converted;
  long[] conversionTime;
  long[][] values; // [ValueKind.ordinal()][journey], minor units
  int[] leadTouch;
  int[] opportunityTouch;
  int[] subject; // lead or deal index of the conversion, -1 for non-converting

  Journeys(Dictionary channels, Dictionary campaigns, Goal goal) {
    this.channels = channels;
    this.campaigns = campaigns;
    this.goal = goal;
    this.directChannel = channels.find(org.revtrace.core.dataset.Dataset.DIRECT);
  }

  public Goal goal() {
    return goal;
  }

  public Dictionary channels() {
    return channels;
  }

  public Dictionary campaigns() {
    return campaigns;
  }

  /** The channel id of direct traffic, or -1 when the data has none. */
  public int directChannel() {
    return directChannel;
  }

  /** Number of journeys, converting and not. */
  public int size() {
    return size;
  }

  public int[] start() {
    return start;
  }

  public int[] channel() {
    return channel;
  }

  public int[] campaign() {
    return campaign;
  }

  public long[] time() {
    return time;
  }

  public byte[] type() {
    return type;
  }

  public boolean[] converted() {
    return converted;
  }

  public long[] conversionTime() {
    return conversionTime;
  }

  public long[] values(ValueKind kind) {
    return values[kind.ordinal()];
  }

  public int[] leadTouch() {
    return leadTouch;
  }

  public int[] opportunityTouch() {
    return opportunityTouch;
  }

  public int[] subject() {
    return subject;
  }

  /** A copy holding only the journeys {@code keep} accepts, in the same order. */
  public Journeys select(java.util.function.IntPredicate keep) {
    return select(java.util.stream.IntStream.range(0, size).filter(keep).toArray());
  }

  /**
   * The same journeys whose {@code kind} value of journey {@code j} is {@code value.applyAsLong(j)}
   * (e.g. the expected value of an open deal); touches and the other values are shared, not copied.
   */
  public Journeys withValues(ValueKind kind, java.util.function.IntToLongFunction value) {
    Journeys copy = new Journeys(channels, campaigns, goal);
    copy.size = size;
    copy.start = start;
    copy.channel = channel;
    copy.campaign = campaign;
    copy.time = time;
    copy.type = type;
    copy.converted = converted;
    copy.conversionTime = conversionTime;
    copy.values = values.clone();
    long[] column = new long[size];
    for (int j = 0; j < size; j++) {
      column[j] = value.applyAsLong(j);
    }
    copy.values[kind.ordinal()] = column;
    copy.leadTouch = leadTouch;
    copy.opportunityTouch = opportunityTouch;
    copy.subject = subject;
    return copy;
  }

  /** Total number of touches over all journeys. */
  public int touchCount() {
    return start[size];
  }

  /** Number of converting journeys. */
  public int conversionCount() {
    int count = 0;
    for (int j = 0; j < size; j++) {
      if (converted[j]) {
        count++;
      }
    }
    return count;
  }

  /** Sum of a value over converting journeys. */
  public long totalValue(ValueKind kind) {
    long total = 0;
    long[] column = values[kind.ordinal()];
    for (int j = 0; j < size; j++) {
      if (converted[j]) {
        total = Math.addExact(total, column[j]);
      }
    }
    return total;
  }

  /**
   * The journeys at {@code indexes}, in that order, repeats allowed (a bootstrap resample): the
   * touches are copied, milestone positions moved with them, dictionaries and goal shared.
   */
  public Journeys select(int[] indexes) {
    Journeys copy = new Journeys(channels, campaigns, goal);
    int touches = 0;
    for (int j : indexes) {
      touches += start[j + 1] - start[j];
    }
    int n = indexes.length;
    copy.size = n;
    copy.start = new int[n + 1];
    copy.channel = new int[touches];
    copy.campaign = new int[touches];
    copy.time = new long[touches];
    copy.type = new byte[touches];
    copy.converted = new boolean[n];
    copy.conversionTime = new long[n];
    copy.values = new long[values.length][n];
    copy.leadTouch = new int[n];
    copy.opportunityTouch = new int[n];
    copy.subject = new int[n];
    int at = 0;
    for (int i = 0; i < n; i++) {
      int j = indexes[i];
      int from = start[j];
      int length = start[j + 1] - from;
      copy.start[i] = at;
      System.arraycopy(channel, from, copy.channel, at, length);
      System.arraycopy(campaign, from, copy.campaign, at, length);
      System.arraycopy(time, from, copy.time, at, length);
      System.arraycopy(type, from, copy.type, at, length);
      copy.converted[i] = converted[j];
      copy.conversionTime[i] = conversionTime[j];
      for (int k = 0; k < values.length; k++) {
        copy.values[k][i] = values[k][j];
      }
      copy.leadTouch[i] = leadTouch[j] < 0 ? -1 : leadTouch[j] - from + at;
      copy.opportunityTouch[i] = opportunityTouch[j] < 0 ? -1 : opportunityTouch[j] - from + at;
      copy.subject[i] = subject[j];
      at += length;
    }
    copy.start[n] = at;
    return copy;
  }
}
