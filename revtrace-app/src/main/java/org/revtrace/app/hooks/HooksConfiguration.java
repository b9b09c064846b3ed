package org.revtrace.app.hooks;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.revtrace.app.cli.LoadedReports;
import org.revtrace.app.connect.ConnectionSync;
import org.revtrace.app.connect.Connectors;
import org.revtrace.ingest.http.ApiHttp;
import org.revtrace.store.JdbcImportBatches;
import org.revtrace.store.JdbcSyncCursors;
import org.revtrace.store.JdbcWebhookEvents;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the webhook endpoints ({@code revtrace.hooks.*}): the store's connections (or a connections
 * file, {@code revtrace.hooks.connections-file}), the event table, the applier and the servlet
 * under {@code /hooks/*}.
 */
@Configuration(proxyBeanMethods = false)
class HooksConfiguration {

  @Bean
  JdbcWebhookEvents webhookEvents(DataSource dataSource) {
    return new JdbcWebhookEvents(dataSource);
  }

  /**
   * The store's connections (settings page, {@code revtrace connect}); with {@code
   * revtrace.hooks.connections-file} set, that connections file instead.
   */
  @Bean
  HookConnections hookConnections(
      Environment environment,
      org.revtrace.app.connect.StoredConnections stored,
      @Value("${revtrace.hooks.connections-file:}") String file) {
    if (!file.isBlank()) {
      // Spring's environment holds the process environment (and, in tests, given properties).
      return new FileHookConnections(Path.of(file), environment::getProperty);
    }
    return new StoredHookConnections(stored, System.getenv());
  }

  @Bean(destroyMethod = "close")
  WebhookApplier webhookApplier(
      JdbcWebhookEvents events,
      HookConnections connections,
      DataSource dataSource,
      LoadedReports reports,
      Clock clock,
      @Value("${revtrace.hooks.debounce-millis:3000}") long debounce,
      @Value("${revtrace.hooks.max-delay-millis:60000}") long maxDelay,
      @Value("${revtrace.hooks.first-retry-seconds:30}") long firstRetry,
      @Value("${revtrace.hooks.max-retry-seconds:3600}") long maxRetry,
      @Value("${revtrace.hooks.poll-millis:1000}") long poll,
      @Value("${revtrace.hooks.workers:2}") int workers) {
    JdbcImportBatches batches = new JdbcImportBatches(dataSource);
    JdbcSyncCursors cursors = new JdbcSyncCursors(dataSource);
    ApiHttp http = ApiHttp.standard();
    ApiHttp.Pause pause = duration -> Thread.sleep(duration.toMillis());
    WebhookApplier.Sync sync =
        new WebhookApplier.Sync() {
          @Override
          public ConnectionSync.Outcome run(HookConnection connection, Instant now) {
            Connectors connectors = new Connectors(http, pause, connection.environment());
            return new ConnectionSync(connectors, batches, cursors).run(connection.settings(), now);
          }

          @Override
          public String redact(HookConnection connection, String message) {
            String redacted =
                new Connectors(http, pause, connection.environment())
                    .redact(connection.settings(), message);
            return redacted.replace(connection.webhookSecret(), "***");
          }
        };
    return new WebhookApplier(
        events,
        connections,
        sync,
        reports::refresh,
        clock,
        new WebhookApplier.Settings(
            Duration.ofMillis(debounce),
            Duration.ofMillis(maxDelay),
            Duration.ofSeconds(firstRetry),
            Duration.ofSeconds(maxRetry),
            Duration.ofMillis(poll),
            workers));
  }

  @Bean
  ServletRegistrationBean<HookServlet> hookServlet(
      HookConnections connections,
      JdbcWebhookEvents events,
      Clock clock,
      MeterRegistry meters,
      @Value("${revtrace.hooks.max-body-bytes:262144}") int maxBody) {
    ServletRegistrationBean<HookServlet> registration =
        new ServletRegistrationBean<>(
            new HookServlet(connections, events, clock, maxBody, meters), "/hooks/*");
    registration.setName("hookServlet");
    return registration;
  }
}
