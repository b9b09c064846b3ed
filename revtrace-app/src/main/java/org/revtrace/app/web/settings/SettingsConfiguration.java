package org.revtrace.app.web.settings;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.revtrace.app.connect.ConnectionRuns;
import org.revtrace.app.connect.ConnectionSync;
import org.revtrace.app.connect.Connectors;
import org.revtrace.app.connect.SecretBox;
import org.revtrace.app.connect.StoredConnections;
import org.revtrace.store.JdbcConnections;
import org.revtrace.store.JdbcImportBatches;
import org.revtrace.store.JdbcSyncCursors;
import org.revtrace.store.JdbcSyncRuns;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The server's connections: stored in the store, secrets sealed with {@code REVTRACE_SECRET_KEY} or
 * the key file beside the database directory, syncs run in the background (two at a time at most,
 * one per connection) and every minute the schedule starts those that are due ({@code
 * revtrace.connections.schedule: false} stops the schedule).
 */
@Configuration(proxyBeanMethods = false)
class SettingsConfiguration {

  @Bean
  SecretBox secretBox(
      Environment environment,
      @Value("${revtrace.db-dir:revtrace-data/pg}") String storeDirectory) {
    Map<String, String> variables = new HashMap<>();
    String key = environment.getProperty(SecretBox.KEY_VARIABLE);
    if (key != null) {
      variables.put(SecretBox.KEY_VARIABLE, key);
    }
    Path directory = Path.of(storeDirectory.isBlank() ? "revtrace-data/pg" : storeDirectory);
    return SecretBox.of(variables, SecretBox.keyFileBeside(directory));
  }

  @Bean
  StoredConnections storedConnections(DataSource dataSource, SecretBox box, Clock clock) {
    return new StoredConnections(new JdbcConnections(dataSource), box, clock);
  }

  @Bean
  JdbcSyncRuns syncRuns(DataSource dataSource) {
    return new JdbcSyncRuns(dataSource);
  }

  /**
   * Connectors over real HTTP; secrets named by {@code *_env} come from the process environment.
   */
  @Bean
  Connectors connectors() {
    return Connectors.standard(System.getenv());
  }

  @Bean
  ConnectionRuns connectionRuns(
      StoredConnections connections,
      Connectors connectors,
      DataSource dataSource,
      JdbcSyncRuns runs,
      Clock clock) {
    return new ConnectionRuns(
        connections,
        connectors,
        new ConnectionSync(
            connectors, new JdbcImportBatches(dataSource), new JdbcSyncCursors(dataSource)),
        runs,
        clock);
  }

  /** Threads named {@code prefix1, prefix2, …} that do not keep the JVM alive. */
  static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
