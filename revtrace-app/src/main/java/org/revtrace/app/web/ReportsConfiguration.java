package org.revtrace.app.web;

import java.nio.file.Path;
import org.revtrace.app.cli.LoadedReports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the data into memory at start: the store when {@code revtrace.store-dir} is set, else the
 * folder named by {@code revtrace.data}.
 */
@Configuration(proxyBeanMethods = false)
class ReportsConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(ReportsConfiguration.class);

  @Bean
  LoadedReports loadedReports(
      @Value("${revtrace.data}") Path data,
      @Value("${revtrace.store-dir:}") String storeDirectory,
      @Value("${revtrace.currency:RUB}") String currency) {
    LoadedReports reports =
        storeDirectory.isEmpty()
            ? LoadedReports.load(data, currency)
            : LoadedReports.loadFromStore(Path.of(storeDirectory), currency);
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
