package org.revtrace.core.port;

import java.util.List;
import org.revtrace.core.model.TrackedEvent;

/**
 * Where the web tracker's events are kept. {@link #append} returns only once the events are durable
 * (committed), so the collector acknowledges an event only when it cannot be lost; an event id seen
 * before is kept once.
 */
public interface EventLog {

  /**
   * Stores the events in one commit.
   *
   * @return how many were new (events with an id already stored are skipped)
   */
  int append(List<TrackedEvent> events);

  /** Every stored event, oldest first (by the order they were stored). */
  List<TrackedEvent> all();

  /** A number that grows with every stored event (0 when none): tells whether new ones came. */
  long lastSequence();
}
