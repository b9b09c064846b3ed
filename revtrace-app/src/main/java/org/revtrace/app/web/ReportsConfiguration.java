package org.revtrace.app.web;

import java.nio.file.Path;
import org.revtrace.app.cli.LoadedReports;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the data folder named by {@code revtrace.data} into memory at start. */
@Configuration(proxyBeanMethods = false)
class ReportsConfiguration {

  @Bean
  LoadedReports loadedReports(
      @Value("${revtrace.data}") Path data, @Value("${revtrace.currency:RUB}") String currency) {
    return LoadedReports.load(data, currency);
  }
}
