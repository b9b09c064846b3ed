package org.revtrace.app.web;

import java.nio.file.Path;
import org.revtrace.app.cli.LoadedReports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/**
 * Loads the data into memory at start: the store when {@code revtrace.from-store} is true (unset:
 * when {@code revtrace.store-dir} is set, as {@code serve --from-store} does), else the folder
 * named by {@code revtrace.data}. The users always live in the store ({@link StoreConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class ReportsConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(ReportsConfiguration.class);

  // After the store: loading from the same directory then shares the running server.
  @Bean
  @DependsOn("openStore")
  LoadedReports loadedReports(
      @Value("${revtrace.data}") Path data,
      @Value("${revtrace.store-dir:}") String storeDirectory,
      @Value("${revtrace.from-store:}") String fromStore,
      @Value("${revtrace.currency:RUB}") String currency) {
    boolean store =
        fromStore.isBlank() ? !storeDirectory.isEmpty() : Boolean.parseBoolean(fromStore.strip());
    LoadedReports reports =
        !store
            ? LoadedReports.load(data, currency)
            : LoadedReports.loadFromStore(
                Path.of(storeDirectory.isEmpty() ? "revtrace-data/pg" : storeDirectory), currency);
    int errors = reports.errorCount(currency);
    if (errors > 0) {
      LOG.warn(
          "{} bad rows of {} were left out; `revtrace import --data {}` lists them",
          errors,
          data,
          data);
    }
    return reports;
  }
}
