package org.revtrace.ingest.canonical;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;
import org.revtrace.core.model.Currencies;

/**
 * Settings of one import.
 *
 * @param reportingCurrency currency assumed when a money row has no {@code currency} (default RUB)
 * @param defaultZone zone of timestamps and dates written without an offset (default UTC)
 * @param zonesByFile per-source zones, keyed by file name ({@code leads.csv}); win over the default
 * @param progress receives the number of bytes just read, so a caller can advance a progress bar;
 *     called from the importing thread
 * @param salt salt of the personal-data hashes (see {@link PersonalData})
 */
public record ImportOptions(
    String reportingCurrency,
    ZoneId defaultZone,
    Map<String, ZoneId> zonesByFile,
    LongConsumer progress,
    String salt) {

  public ImportOptions {
    if (!Currencies.isValidCode(reportingCurrency)) {
      throw new IllegalArgumentException(
          "not an ISO 4217 currency code: '" + reportingCurrency + "'");
    }
    Objects.requireNonNull(defaultZone, "defaultZone");
    zonesByFile = Map.copyOf(zonesByFile);
    progress = progress == null ? bytes -> {} : progress;
    Objects.requireNonNull(salt, "salt");
  }

  /** RUB, UTC, no per-file zones, no progress, the default salt. */
  public static ImportOptions defaults() {
    return new ImportOptions("RUB", ZoneOffset.UTC, Map.of(), null, PersonalData.DEFAULT_SALT);
  }

  public ImportOptions withReportingCurrency(String currency) {
    return new ImportOptions(currency, defaultZone, zonesByFile, progress, salt);
  }

  public ImportOptions withDefaultZone(ZoneId zone) {
    return new ImportOptions(reportingCurrency, zone, zonesByFile, progress, salt);
  }

  /** These options with {@code zone} used for the file named {@code fileName}. */
  public ImportOptions withZone(String fileName, ZoneId zone) {
    Map<String, ZoneId> zones = new HashMap<>(zonesByFile);
    zones.put(fileName, zone);
    return new ImportOptions(reportingCurrency, defaultZone, zones, progress, salt);
  }

  public ImportOptions withProgress(LongConsumer listener) {
    return new ImportOptions(reportingCurrency, defaultZone, zonesByFile, listener, salt);
  }

  public ImportOptions withSalt(String newSalt) {
    return new ImportOptions(reportingCurrency, defaultZone, zonesByFile, progress, newSalt);
  }

  /** The zone for local timestamps of the file: its own if set, else the default. */
  public ZoneId zoneFor(String fileName) {
    return zonesByFile.getOrDefault(fileName, defaultZone);
  }
}
