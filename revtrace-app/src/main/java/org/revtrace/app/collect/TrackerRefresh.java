package org.revtrace.app.collect;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.revtrace.app.cli.LoadedReports;
import org.revtrace.core.port.EventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings new tracker events into the reports: every {@code period} the snapshot is rebuilt if
 * events arrived since the last look (imports refresh it at once; visits may wait a period).
 */
final class TrackerRefresh implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TrackerRefresh.class);

  private final EventLog events;
  private final LoadedReports reports;
  private final ScheduledExecutorService timer;

  TrackerRefresh(EventLog events, LoadedReports reports, Duration period) {
    this.events = events;
    this.reports = reports;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "revtrace-tracker-refresh");
              thread.setDaemon(true);
              return thread;
            });
    long millis = period.toMillis();
    timer.scheduleWithFixedDelay(this::refreshIfNew, millis, millis, TimeUnit.MILLISECONDS);
  }

  /**
   * Rebuilds the snapshot when events came after the newest one it holds (an import in between
   * already loaded them: then nothing is done); true when it did.
   */
  synchronized boolean refreshIfNew() {
    try {
      long loaded = reports.version().eventSequence();
      if (events.lastSequence() <= loaded) {
        return false;
      }
      long now = reports.refresh().eventSequence();
      LOG.info("Snapshot refreshed with {} new tracker events", now - loaded);
      return true;
    } catch (RuntimeException e) {
      LOG.warn("could not refresh the snapshot with tracker events: {}", e.getMessage());
      return false;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
