package org.revtrace.app.hooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.revtrace.app.connect.ConnectionSync;
import org.revtrace.store.JdbcWebhookEvents;
import org.revtrace.store.JdbcWebhookEvents.Pending;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies recorded webhook events: every {@code poll} it looks at the connections with pending
 * events, and runs the incremental sync of each one that is due ({@link #isDue}); the sync reads
 * what changed since the connection's cursors, so one sync applies every pending event of the
 * connection at once. Then the events up to the last one seen before the sync are marked applied
 * (events that arrived meanwhile wait for the next sync), after the loaded reports were refreshed
 * when the sync stored a new batch.
 *
 * <p>One sync per connection at a time: in this server (a connection is not handed to a worker
 * while one runs it) and across servers sharing the database (a PostgreSQL advisory lock). A failed
 * sync keeps the events pending with the error and the time of the next try, {@code firstRetry}
 * doubling per failure up to {@code maxRetry}, forever: a CRM that is down or a token that expired
 * only delays the events. Pending deletions alone run no sync (a sync cannot see deletions): they
 * are marked applied with a note that the store keeps the record.
 */
public final class WebhookApplier implements AutoCloseable {

  /** The outcome recorded on deletions. */
  static final String DELETION_OUTCOME =
      "deletion recorded; the store keeps the record (no delete semantics yet)";

  private static final Logger LOG = LoggerFactory.getLogger(WebhookApplier.class);
  private static final int MAX_ERROR = 1000;

  /** Runs one connection's sync. */
  public interface Sync {
    /**
     * Syncs {@code connection} once.
     *
     * @throws RuntimeException when the CRM or the store fails
     */
    ConnectionSync.Outcome run(HookConnection connection, Instant now);

    /** {@code message} with the connection's secrets blanked out. */
    String redact(HookConnection connection, String message);
  }

  /**
   * When and how the applier works.
   *
   * @param debounce a connection is due once no event arrived for this long
   * @param maxDelay ... or once its oldest pending event is this old, however busy the hook
   * @param firstRetry the wait after the first failed sync, doubled per failure
   * @param maxRetry the longest wait between tries
   * @param poll how often the pending events are looked at
   * @param workers syncs of different connections that may run at once
   */
  public record Settings(
      Duration debounce,
      Duration maxDelay,
      Duration firstRetry,
      Duration maxRetry,
      Duration poll,
      int workers) {

    public Settings {
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be at least 1");
      }
    }
  }

  private final JdbcWebhookEvents events;
  private final HookConnections connections;
  private final Sync sync;
  private final Runnable refresh;
  private final Clock clock;
  private final Settings settings;
  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private final AtomicInteger syncs = new AtomicInteger();
  private final ScheduledExecutorService timer;
  private final ExecutorService workers;

  public WebhookApplier(
      JdbcWebhookEvents events,
      HookConnections connections,
      Sync sync,
      Runnable refresh,
      Clock clock,
      Settings settings) {
    this.events = events;
    this.connections = connections;
    this.sync = sync;
    this.refresh = refresh;
    this.clock = clock;
    this.settings = settings;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "revtrace-webhook-applier");
              thread.setDaemon(true);
              return thread;
            });
    AtomicInteger number = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            settings.workers(),
            runnable -> {
              Thread thread =
                  new Thread(runnable, "revtrace-webhook-sync-" + number.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    long millis = Math.max(1, settings.poll().toMillis());
    timer.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
  }

  /**
   * True when {@code pending} should be applied at {@code now}: not before its next try after a
   * failure, and either quiet for {@code debounce} (a burst of events is one sync) or waiting for
   * {@code maxDelay} (a steady stream still gets synced).
   */
  static boolean isDue(Pending pending, Instant now, Settings settings) {
    if (pending.nextAttemptAt() != null && now.isBefore(pending.nextAttemptAt())) {
      return false;
    }
    return !now.isBefore(pending.lastReceivedAt().plus(settings.debounce()))
        || !now.isBefore(pending.firstReceivedAt().plus(settings.maxDelay()));
  }

  /** The wait before the next try after {@code failures} failed syncs (1, 2, ...). */
  static Duration retryAfter(int failures, Settings settings) {
    Duration wait = settings.firstRetry();
    for (int i = 1; i < failures && wait.compareTo(settings.maxRetry()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : wait;
  }

  /** How many syncs the applier has run (failed ones included), for tests and metrics. */
  public int syncsRun() {
    return syncs.get();
  }

  private void tick() {
    try {
      Instant now = clock.instant();
      for (Pending pending : events.pending()) {
        if (isDue(pending, now, settings) && running.add(pending.connection())) {
          workers.execute(() -> applyGuarded(pending));
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("could not look at the pending webhook events: {}", e.getMessage());
    }
  }

  private void applyGuarded(Pending pending) {
    try {
      Optional<AutoCloseable> lock = events.tryLock(pending.connection());
      if (lock.isEmpty()) {
        return; // another server applies this connection now
      }
      try (AutoCloseable held = lock.get()) {
        apply(pending);
      }
    } catch (Exception e) {
      LOG.warn("webhook events of {}: {}", pending.connection(), e.getMessage());
    } finally {
      running.remove(pending.connection());
    }
  }

  private void apply(Pending pending) {
    String name = pending.connection();
    Instant started = clock.instant();
    Optional<HookConnection> connection = connections.find(name);
    if (connection.isEmpty()) {
      events.markFailed(
          name,
          pending.lastId(),
          "the connection is not configured for webhooks any more",
          started.plus(settings.maxRetry()));
      return;
    }
    if (pending.onlyDeletions()) {
      events.markApplied(name, pending.lastId(), started, null, DELETION_OUTCOME, DELETION_OUTCOME);
      LOG.info("{}: {} deletions recorded (the store keeps the records)", name, pending.count());
      return;
    }
    ConnectionSync.Outcome outcome;
    try {
      syncs.incrementAndGet();
      outcome = sync.run(connection.get(), started);
    } catch (RuntimeException e) {
      int failures = pending.attempts() + 1;
      Duration wait = retryAfter(failures, settings);
      String error = sync.redact(connection.get(), String.valueOf(e.getMessage()));
      if (error.length() > MAX_ERROR) {
        error = error.substring(0, MAX_ERROR);
      }
      events.markFailed(name, pending.lastId(), error, clock.instant().plus(wait));
      LOG.warn(
          "{}: the sync after {} webhook events failed (attempt {}), next try in {}: {}",
          name,
          pending.count(),
          failures,
          wait,
          error);
      return;
    }
    // Refreshed before the events are marked: "applied" means in the store and in the reports.
    if (outcome.batchId() != null && !outcome.repeated()) {
      try {
        refresh.run();
      } catch (RuntimeException e) {
        // The batch is stored; the next refresh (another import, the tracker's timer) loads it.
        LOG.warn("{}: could not refresh the reports after the sync: {}", name, e.getMessage());
      }
    }
    String described = outcome.describe();
    events.markApplied(
        name,
        pending.lastId(),
        clock.instant(),
        outcome.batchId(),
        described.length() > MAX_ERROR ? described.substring(0, MAX_ERROR) : described,
        DELETION_OUTCOME);
    LOG.info("{} webhook events applied: {}", pending.count(), described);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    workers.shutdownNow();
  }
}
