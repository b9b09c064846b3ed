package org.revtrace.app.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.revtrace.core.model.TrackedEvent;
import org.revtrace.core.port.EventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: requests hand their event to one writer thread, which stores everything waiting (up
 * to {@code maxBatch}) in one commit and then completes each request's future. So an event is
 * acknowledged only once committed, and a commit serves many requests under load. A full queue
 * refuses at once (the collector answers 503 and the tracker resends later).
 */
final class EventWriter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);

  private record Pending(TrackedEvent event, CompletableFuture<Void> stored) {}

  private final EventLog log;
  private final BlockingQueue<Pending> queue;
  private final int maxBatch;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running = true;

  EventWriter(EventLog log, int capacity, int maxBatch, int writers) {
    this.log = log;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.maxBatch = maxBatch;
    for (int i = 0; i < writers; i++) {
      Thread thread = new Thread(this::run, "revtrace-event-writer-" + i);
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
  }

  /**
   * Queues {@code event}; the future completes when it is committed, or fails when the commit
   * failed.
   *
   * @return empty when the queue is full
   */
  java.util.Optional<CompletableFuture<Void>> submit(TrackedEvent event) {
    CompletableFuture<Void> stored = new CompletableFuture<>();
    if (!running || !queue.offer(new Pending(event, stored))) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(stored);
  }

  /** Events waiting for their commit. */
  int waiting() {
    return queue.size();
  }

  private void run() {
    List<Pending> batch = new ArrayList<>(maxBatch);
    while (running || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        commit(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void commit(List<Pending> batch) {
    List<TrackedEvent> events = new ArrayList<>(batch.size());
    for (Pending pending : batch) {
      events.add(pending.event());
    }
    try {
      log.append(events);
      batch.forEach(pending -> pending.stored().complete(null));
    } catch (RuntimeException e) {
      LOG.warn("could not store {} tracker events: {}", events.size(), e.getMessage());
      batch.forEach(pending -> pending.stored().completeExceptionally(e));
    }
  }

  /** Stops taking events, commits what is queued and waits for the writer to finish. */
  @Override
  public void close() {
    running = false;
    try {
      for (Thread thread : threads) {
        thread.join(30_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
