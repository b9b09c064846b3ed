package org.revtrace.app.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revtrace.core.model.TrackedEvent;
import org.revtrace.core.port.EventLog;

class EventWriterTest {

  @TempDir Path folder;

  /** A store that can be switched off, ignoring event ids it already has. */
  static final class FlakyLog implements EventLog {
    final Map<String, TrackedEvent> rows = Collections.synchronizedMap(new LinkedHashMap<>());
    final AtomicBoolean down = new AtomicBoolean();

    @Override
    public int append(List<TrackedEvent> events) {
      if (down.get()) {
        throw new IllegalStateException("store unreachable");
      }
      int added = 0;
      for (TrackedEvent event : events) {
        if (rows.putIfAbsent(event.eventId(), event) == null) {
          added++;
        }
      }
      return added;
    }

    @Override
    public List<TrackedEvent> all() {
      return new ArrayList<>(rows.values());
    }

    @Override
    public long lastSequence() {
      return rows.size();
    }
  }

  @Test
  void acknowledgedEventsReachTheStore() throws Exception {
    FlakyLog log = new FlakyLog();
    try (EventWriter writer = writer(log)) {
      List<CompletableFuture<Void>> acks = new ArrayList<>();
      for (TrackedEvent event : EventJournalTest.events(0, 500)) {
        acks.add(writer.submit(event).orElseThrow());
      }
      for (CompletableFuture<Void> ack : acks) {
        ack.get(10, TimeUnit.SECONDS);
      }
      assertThat(writer.awaitStored(Duration.ofSeconds(10))).isTrue();
    }
    assertThat(log.all()).isEqualTo(EventJournalTest.events(0, 500));
  }

  @Test
  void whileTheStoreIsDownEventsAreStillAcknowledgedAndLandWhenItIsBack() throws Exception {
    FlakyLog log = new FlakyLog();
    log.down.set(true);
    try (EventWriter writer = writer(log)) {
      for (TrackedEvent event : EventJournalTest.events(0, 50)) {
        writer.submit(event).orElseThrow().get(10, TimeUnit.SECONDS);
      }
      assertThat(log.all()).isEmpty();
      assertThat(writer.backlog()).isEqualTo(50);
      log.down.set(false);
      assertThat(writer.awaitStored(Duration.ofSeconds(20))).isTrue();
    }
    assertThat(log.all()).hasSize(50);
  }

  @Test
  void whatTheStoreNeverGotIsReplayedAtTheNextStartOnce() throws Exception {
    FlakyLog log = new FlakyLog();
    log.append(EventJournalTest.events(0, 10)); // some were stored before the "crash"
    log.down.set(true);
    EventWriter crashed = writer(log);
    for (TrackedEvent event : EventJournalTest.events(0, 30)) {
      crashed.submit(event).orElseThrow().get(10, TimeUnit.SECONDS);
    }
    crashed.close(); // gives up on the store after its wait: the journal keeps the events
    log.down.set(false);
    try (EventWriter restarted = writer(log)) {
      assertThat(log.all()).as("replayed before taking new events").hasSize(30);
    }
    assertThat(log.all()).isEqualTo(EventJournalTest.events(0, 30));
  }

  @Test
  void aFullBacklogRefusesNewEvents() throws Exception {
    FlakyLog log = new FlakyLog();
    log.down.set(true);
    try (EventWriter writer =
        new EventWriter(log, new EventJournal(folder.resolve("j")), 100, 10, 10, 5)) {
      for (TrackedEvent event : EventJournalTest.events(0, 5)) {
        writer.submit(event).orElseThrow().get(10, TimeUnit.SECONDS);
      }
      assertThat(writer.submit(EventJournalTest.event(99))).isEmpty();
      log.down.set(false);
    }
  }

  private EventWriter writer(EventLog log) throws Exception {
    return new EventWriter(log, new EventJournal(folder.resolve("j")), 1_000, 100, 100, 100_000);
  }
}
