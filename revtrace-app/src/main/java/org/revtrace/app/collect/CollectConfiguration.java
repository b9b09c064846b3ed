package org.revtrace.app.collect;

import java.util.Arrays;
import org.revtrace.app.cli.LoadedReports;
import org.revtrace.core.port.EventLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the collector to the store's database. */
@Configuration(proxyBeanMethods = false)
class CollectConfiguration {

  @Bean(destroyMethod = "close")
  EventWriter eventWriter(
      EventLog events,
      @Value("${revtrace.collect.queue:50000}") int capacity,
      @Value("${revtrace.collect.max-batch:2000}") int maxBatch,
      @Value("${revtrace.collect.writers:4}") int writers) {
    return new EventWriter(events, capacity, maxBatch, writers);
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
