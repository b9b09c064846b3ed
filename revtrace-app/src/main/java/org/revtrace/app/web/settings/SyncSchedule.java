package org.revtrace.app.web.settings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.revtrace.app.connect.StoredConnections;
import org.revtrace.store.JdbcSyncRuns;
import org.revtrace.store.SyncRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The scheduled syncs: each enabled connection with {@code sync_every_minutes} N &gt; 0 is synced
 * when N minutes have passed since its last run started, whatever that run's status, or since it
 * was stored when it never ran. A failing connection is thus tried again after N minutes, never in
 * a tight loop; a connection whose sync is still running is not started twice.
 */
@Component
class SyncSchedule implements InitializingBean, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(SyncSchedule.class);

  private final StoredConnections connections;
  private final JdbcSyncRuns runs;
  private final ConnectionSyncs syncs;
  private final Clock clock;
  private final boolean enabled;
  private final Duration every;
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          SettingsConfiguration.daemonThreads("revtrace-schedule-"));

  SyncSchedule(
      StoredConnections connections,
      JdbcSyncRuns runs,
      ConnectionSyncs syncs,
      Clock clock,
      @Value("${revtrace.connections.schedule:true}") boolean enabled,
      @Value("${revtrace.connections.schedule-tick:PT1M}") Duration every) {
    this.connections = connections;
    this.runs = runs;
    this.syncs = syncs;
    this.clock = clock;
    this.enabled = enabled;
    this.every = every;
  }

  /** Ticks every {@code revtrace.connections.schedule-tick} (a minute) unless disabled. */
  @Override
  public void afterPropertiesSet() {
    if (enabled) {
      ticker.scheduleWithFixedDelay(
          this::tick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
      LOG.info("Scheduled connection syncs: checked every {}", every);
    }
  }

  @Override
  public void destroy() {
    ticker.shutdownNow();
  }

  /**
   * The connections due at {@code now}, by name.
   *
   * @param latest the newest run of each connection that has one
   */
  static List<String> due(
      List<StoredConnections.Listing> connections, Map<String, SyncRun> latest, Instant now) {
    List<String> due = new ArrayList<>();
    for (StoredConnections.Listing connection : connections) {
      if (!connection.enabled() || connection.syncEveryMinutes() == 0) {
        continue;
      }
      SyncRun last = latest.get(connection.name());
      Instant from = last == null ? connection.createdAt() : last.startedAt();
      if (!from.plus(Duration.ofMinutes(connection.syncEveryMinutes())).isAfter(now)) {
        due.add(connection.name());
      }
    }
    return due;
  }

  /** Starts the syncs due now; a failure of the store is logged and tried again next tick. */
  void tick() {
    try {
      tick(clock.instant());
    } catch (RuntimeException e) {
      LOG.warn("The sync schedule could not run: {}", e.toString());
    }
  }

  /**
   * Starts the syncs due at {@code now} that are not running.
   *
   * @return the connections started
   */
  List<String> tick(Instant now) {
    List<String> started = new ArrayList<>();
    for (String name : due(connections.list(), runs.latest(), now)) {
      if (syncs.start(name, SyncRun.Trigger.SCHEDULE, null).isPresent()) {
        started.add(name);
      }
    }
    return started;
  }
}
