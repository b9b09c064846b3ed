package org.revtrace.app.web;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.revtrace.store.Database;
import org.revtrace.store.EmbeddedDatabase;
import org.revtrace.store.Migrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The server's database: the external PostgreSQL named by {@code REVTRACE_DB_URL} (with {@code
 * REVTRACE_DB_USER}, {@code REVTRACE_DB_PASSWORD}), else the embedded one in {@code
 * revtrace.store-dir} (default {@code revtrace-data/pg}, the directory {@code import --into-store}
 * uses). Migrations are applied at start; the embedded server stops with the context. Loading
 * reports from the store in the same directory shares this server ({@link EmbeddedDatabase} counts
 * its handles).
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(StoreConfiguration.class);

  /** The open store; closing it releases the embedded server, if one was started. */
  static final class OpenStore implements AutoCloseable {

    private final DataSource dataSource;
    private final EmbeddedDatabase embedded;

    OpenStore(DataSource dataSource, EmbeddedDatabase embedded) {
      this.dataSource = dataSource;
      this.embedded = embedded;
    }

    DataSource dataSource() {
      return dataSource;
    }

    @Override
    public void close() {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  @Bean(destroyMethod = "close")
  OpenStore openStore(
      Environment environment,
      @Value("${revtrace.store-dir:" + "revtrace-data/pg" + "}") String storeDirectory) {
    Map<String, String> variables = new HashMap<>();
    for (String name :
        new String[] {Database.URL_VARIABLE, Database.USER_VARIABLE, Database.PASSWORD_VARIABLE}) {
      String value = environment.getProperty(name);
      if (value != null) {
        variables.put(name, value);
      }
    }
    Optional<Database> external = Database.fromEnvironment(variables);
    if (external.isPresent()) {
      DataSource dataSource = external.get().dataSource();
      Migrations.apply(dataSource);
      LOG.info("Users and tokens are kept in {}", external.get());
      return new OpenStore(dataSource, null);
    }
    Path directory =
        Path.of(storeDirectory.isBlank() ? "revtrace-data/pg" : storeDirectory)
            .toAbsolutePath()
            .normalize();
    EmbeddedDatabase embedded = EmbeddedDatabase.start(directory);
    LOG.info("Users and tokens are kept in {}", embedded);
    return new OpenStore(embedded.dataSource(), embedded);
  }

  @Bean
  DataSource dataSource(OpenStore store) {
    return store.dataSource();
  }
}
