package org.revtrace.app.web;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.revtrace.app.cli.StoreOptions;
import org.revtrace.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The server's database: the external PostgreSQL named by {@code REVTRACE_DB_URL} (with {@code
 * REVTRACE_DB_USER}, {@code REVTRACE_DB_PASSWORD}), else the embedded one in {@code
 * revtrace.db-dir} (default {@code revtrace-data/pg}, the directory {@code import --into-store}
 * uses). It holds the imported data, users and tokens. Migrations are applied at start; the
 * embedded server stops with the context.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(StoreConfiguration.class);

  /** The open store behind a connection pool; closing it closes the pool, then the database. */
  static final class OpenStore implements AutoCloseable {

    private final StoreOptions.OpenDatabase database;
    private final HikariDataSource pool;

    OpenStore(StoreOptions.OpenDatabase database, HikariDataSource pool) {
      this.database = database;
      this.pool = pool;
    }

    DataSource dataSource() {
      return pool;
    }

    /** Where the store is, for logs and pages (never with a password). */
    String description() {
      return database.description();
    }

    @Override
    public void close() throws Exception {
      pool.close();
      database.close();
    }
  }

  @Bean(destroyMethod = "close")
  OpenStore openStore(
      Environment environment,
      @Value("${revtrace.db-dir:revtrace-data/pg}") String storeDirectory,
      @Value("${revtrace.db.pool-size:10}") int poolSize) {
    Map<String, String> variables = new HashMap<>();
    for (String name :
        new String[] {Database.URL_VARIABLE, Database.USER_VARIABLE, Database.PASSWORD_VARIABLE}) {
      String value = environment.getProperty(name);
      if (value != null) {
        variables.put(name, value);
      }
    }
    Path directory =
        Path.of(storeDirectory.isBlank() ? "revtrace-data/pg" : storeDirectory)
            .toAbsolutePath()
            .normalize();
    StoreOptions.OpenDatabase database = StoreOptions.openDatabase(directory, variables);
    LOG.info("Store: {}", database.description());
    return new OpenStore(database, pooled(database.dataSource(), poolSize));
  }

  /** Keeps up to {@code size} connections open for requests (HikariCP). */
  private static HikariDataSource pooled(DataSource dataSource, int size) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(dataSource);
    config.setPoolName("revtrace-store");
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    return new HikariDataSource(config);
  }

  @Bean
  DataSource dataSource(OpenStore store) {
    return store.dataSource();
  }
}
