package org.revtrace.app.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.revtrace.app.cli.LoadedReports;
import org.revtrace.app.cli.StoreImport;
import org.revtrace.app.demo.DemoGenerator;
import org.revtrace.app.demo.DemoSpec;
import org.revtrace.core.port.BatchOutcome;
import org.revtrace.core.port.EventLog;
import org.revtrace.core.port.ImportBatches;
import org.revtrace.store.JdbcEventLog;
import org.revtrace.store.JdbcImportBatches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server's data: the store ({@link StoreConfiguration}: embedded PostgreSQL under {@code
 * revtrace.db-dir}, or {@code REVTRACE_DB_URL}) open for the server's lifetime; at start the folder
 * {@code revtrace.data} is imported into it (a no-op when already imported), or the demo data when
 * the store is empty; then every batch is loaded into memory.
 */
@Configuration(proxyBeanMethods = false)
class ReportsConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(ReportsConfiguration.class);

  @Bean
  ImportBatches importBatches(DataSource dataSource) {
    return new JdbcImportBatches(dataSource);
  }

  @Bean
  EventLog eventLog(DataSource dataSource) {
    return new JdbcEventLog(dataSource);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  StartupImport startupImport(
      ImportBatches batches,
      @Value("${revtrace.data:}") String data,
      @Value("${revtrace.import.demo-when-empty:true}") boolean demoWhenEmpty,
      @Value("${revtrace.import.demo-data:demo-data}") Path demoData,
      @Value("${revtrace.currency:RUB}") String currency)
      throws IOException {
    if (!data.isBlank()) {
      return importFolder(batches, Path.of(data), currency, false);
    }
    if (demoWhenEmpty && batches.batches().isEmpty()) {
      if (!Files.isDirectory(demoData)) {
        LOG.info("Generating the demo data into {}", demoData.toAbsolutePath().normalize());
        DemoGenerator.generate(DemoSpec.defaults(), demoData);
      }
      return importFolder(batches, demoData, currency, true);
    }
    return StartupImport.NONE;
  }

  private static StartupImport importFolder(
      ImportBatches batches, Path folder, String currency, boolean demo) throws IOException {
    StoreImport.Outcome outcome =
        StoreImport.run(
            batches, StoreImport.folder(folder, "UTC", Map.of()), null, currency, false);
    BatchOutcome batch = outcome.batch();
    LOG.info(
        "{} {} as batch {}: {} rows stored, {} quarantined",
        folder,
        batch.repeated() ? "was already imported" : "imported",
        batch.batch().id(),
        batch.storedRows(),
        batch.batch().quarantinedRows());
    return new StartupImport(folder.toAbsolutePath().normalize(), outcome, demo);
  }

  @Bean
  LoadedReports loadedReports(
      StoreConfiguration.OpenStore store,
      ImportBatches batches,
      EventLog events,
      StartupImport startup,
      Clock clock,
      @Value("${revtrace.currency:RUB}") String currency) {
    LoadedReports reports =
        LoadedReports.loadFromStore(
            batches, events, "the store (" + store.description() + ")", currency, clock);
    LOG.info(
        "Loaded {} batches from the store ({} touchpoints)",
        reports.version().batches(),
        reports.dataset(currency).touchCount());
    return reports;
  }
}
