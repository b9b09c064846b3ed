package org.revtrace.app.collect;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.revtrace.core.model.TrackedEvent;
import org.revtrace.core.port.EventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit through a journal: requests hand their event to one writer thread, which appends
 * everything waiting (up to {@code maxBatch}) to the {@link EventJournal}, forces it to disk once,
 * and then completes each request's future — so an event is acknowledged only once it is durable,
 * and one disk flush serves many requests. A second thread copies journaled events to the store
 * ({@link EventLog}) in batches of up to {@code storeBatch} and lets the journal drop what the
 * store holds; while the store is unreachable events stay in the journal (up to {@code maxBacklog})
 * and the copy is retried. A full queue or backlog refuses at once (the collector answers 503 and
 * the tracker resends later).
 */
final class EventWriter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);

  private record Pending(TrackedEvent event, CompletableFuture<Void> stored) {}

  private record Journaled(long segment, List<TrackedEvent> events) {}

  private final EventLog log;
  private final EventJournal journal;
  private final BlockingQueue<Pending> queue;
  private final BlockingQueue<Journaled> toStore = new LinkedBlockingQueue<>();
  private final AtomicLong backlog = new AtomicLong();
  private final int maxBatch;
  private final int storeBatch;
  private final long maxBacklog;
  private final Thread writer;
  private final Thread copier;
  private volatile boolean running = true;
  private volatile boolean writerDone;
  private volatile boolean giveUp;

  /**
   * Replays what an earlier run left in {@code journal} into {@code log}, then starts taking
   * events.
   *
   * @throws IOException when the journal cannot be read
   */
  EventWriter(
      EventLog log,
      EventJournal journal,
      int capacity,
      int maxBatch,
      int storeBatch,
      long maxBacklog)
      throws IOException {
    this.log = log;
    this.journal = journal;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.maxBatch = maxBatch;
    this.storeBatch = storeBatch;
    this.maxBacklog = maxBacklog;
    long replayed = journal.replay(log::append, storeBatch);
    if (replayed > 0) {
      LOG.info("{} tracker events from the journal of an earlier run stored", replayed);
    }
    writer = thread(this::write, "revtrace-event-writer");
    copier = thread(this::copy, "revtrace-event-copier");
  }

  /**
   * Queues {@code event}; the future completes when it is durable, or fails when the journal could
   * not be written.
   *
   * @return empty when the queue or the backlog for the store is full
   */
  Optional<CompletableFuture<Void>> submit(TrackedEvent event) {
    CompletableFuture<Void> stored = new CompletableFuture<>();
    if (!running || backlog.get() >= maxBacklog || !queue.offer(new Pending(event, stored))) {
      return Optional.empty();
    }
    return Optional.of(stored);
  }

  /** Events waiting for the journal. */
  int waiting() {
    return queue.size();
  }

  /** Events acknowledged but not yet in the store. */
  long backlog() {
    return backlog.get();
  }

  /**
   * Waits until every acknowledged event is in the store (for tests and orderly shutdown).
   *
   * @return false when {@code timeout} passed first
   */
  boolean awaitStored(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (backlog.get() > 0 || !queue.isEmpty()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(2);
    }
    return true;
  }

  private void write() {
    List<Pending> batch = new ArrayList<>(maxBatch);
    try {
      while (running || !queue.isEmpty()) {
        try {
          Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
          if (first == null) {
            continue;
          }
          batch.add(first);
          queue.drainTo(batch, maxBatch - 1);
          journal(batch);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } finally {
          batch.clear();
        }
      }
    } finally {
      writerDone = true;
    }
  }

  private void journal(List<Pending> batch) {
    List<TrackedEvent> events = new ArrayList<>(batch.size());
    for (Pending pending : batch) {
      events.add(pending.event());
    }
    try {
      long segment = journal.append(events);
      backlog.addAndGet(events.size());
      toStore.add(new Journaled(segment, events));
      batch.forEach(pending -> pending.stored().complete(null));
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not journal {} tracker events: {}", events.size(), e.getMessage());
      batch.forEach(pending -> pending.stored().completeExceptionally(e));
    }
  }

  private void copy() {
    List<Journaled> group = new ArrayList<>();
    List<TrackedEvent> events = new ArrayList<>(storeBatch);
    while (!(writerDone && toStore.isEmpty()) && !giveUp) {
      try {
        Journaled first = toStore.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        group.add(first);
        events.addAll(first.events());
        Journaled next;
        while (events.size() < storeBatch && (next = toStore.poll()) != null) {
          group.add(next);
          events.addAll(next.events());
        }
        if (!store(events)) {
          return;
        }
        backlog.addAndGet(-events.size());
        journal.release(group.get(group.size() - 1).segment());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        group.clear();
        events.clear();
      }
    }
  }

  /** Stores {@code events}, retrying with a capped backoff; false when told to give up. */
  private boolean store(List<TrackedEvent> events) throws InterruptedException {
    long pause = 50;
    while (true) {
      try {
        log.append(events);
        return true;
      } catch (RuntimeException e) {
        if (giveUp) {
          return false;
        }
        LOG.warn(
            "could not copy {} journaled tracker events to the store (kept in the journal,"
                + " retrying in {} ms): {}",
            events.size(),
            pause,
            e.getMessage());
        Thread.sleep(pause);
        pause = Math.min(pause * 2, 5_000);
      }
    }
  }

  /**
   * Stops taking events, journals what is queued, copies the journal to the store (for up to 30 s)
   * and closes the journal; whatever did not reach the store is replayed at the next start.
   */
  @Override
  public void close() {
    running = false;
    try {
      writer.join(30_000);
      copier.join(30_000);
      giveUp = true;
      copier.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      journal.close(backlog.get() == 0 && !copier.isAlive());
    } catch (IOException e) {
      LOG.warn("could not close the tracker journal: {}", e.getMessage());
    }
  }

  private static Thread thread(Runnable body, String name) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
