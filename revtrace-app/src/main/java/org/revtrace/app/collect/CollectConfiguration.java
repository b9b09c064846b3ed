package org.revtrace.app.collect;

import java.nio.file.Path;
import java.util.Arrays;
import org.revtrace.app.cli.LoadedReports;
import org.revtrace.core.port.EventLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the collector to the store's database. */
@Configuration(proxyBeanMethods = false)
class CollectConfiguration {

  /**
   * The collector's writer over its journal: {@code revtrace.collect.journal-dir}, by default the
   * folder {@code <db-dir>-tracker-journal} beside the store's ({@code
   * revtrace-data/pg-tracker-journal}).
   */
  @Bean(destroyMethod = "close")
  EventWriter eventWriter(
      EventLog events,
      @Value("${revtrace.db-dir:revtrace-data/pg}") String storeDirectory,
      @Value("${revtrace.collect.journal-dir:}") String journalDirectory,
      @Value("${revtrace.collect.queue:50000}") int capacity,
      @Value("${revtrace.collect.max-batch:5000}") int maxBatch,
      @Value("${revtrace.collect.store-batch:20000}") int storeBatch,
      @Value("${revtrace.collect.max-backlog:5000000}") long maxBacklog)
      throws java.io.IOException {
    Path journal =
        journalDirectory.isBlank()
            ? journalBeside(Path.of(storeDirectory))
            : Path.of(journalDirectory);
    return new EventWriter(
        events, new EventJournal(journal), capacity, maxBatch, storeBatch, maxBacklog);
  }

  static Path journalBeside(Path storeDirectory) {
    Path absolute = storeDirectory.toAbsolutePath().normalize();
    return absolute.resolveSibling(absolute.getFileName() + "-tracker-journal");
  }

  @Bean(destroyMethod = "close")
  TrackerRefresh trackerRefresh(
      EventLog events,
      LoadedReports reports,
      @Value("${revtrace.collect.refresh-seconds:300}") long seconds) {
    return new TrackerRefresh(events, reports, java.time.Duration.ofSeconds(seconds));
  }

  /**
   * No per-request HTTP observation for the collector: at thousands of events a second the timer
   * per request costs more than the event; the collector counts its events itself.
   */
  @Bean
  io.micrometer.observation.ObservationPredicate collectorNotObserved() {
    return (name, context) ->
        !(context
                instanceof
                org.springframework.http.server.observation.ServerRequestObservationContext server
            && "/collect".equals(server.getCarrier().getRequestURI()));
  }

  @Bean
  org.springframework.boot.web.servlet.ServletRegistrationBean<CollectServlet> collectServlet(
      EventWriter writer,
      ClientLimits limits,
      CollectorSettings settings,
      java.time.Clock clock,
      io.micrometer.core.instrument.MeterRegistry meters) {
    return new org.springframework.boot.web.servlet.ServletRegistrationBean<>(
        new CollectServlet(writer, limits, settings, clock, meters), "/collect");
  }

  @Bean
  ClientLimits clientLimits(
      @Value("${revtrace.collect.events-per-second-per-client:20}") double perSecond,
      @Value("${revtrace.collect.burst-per-client:100}") double burst) {
    return new ClientLimits(perSecond, burst);
  }

  @Bean
  CollectorSettings collectorSettings(
      @Value("${revtrace.collect.allowed-origins:}") String origins,
      @Value("${revtrace.collect.cookie-domain:}") String cookieDomain) {
    return new CollectorSettings(
        Arrays.stream(origins.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
        cookieDomain);
  }
}
