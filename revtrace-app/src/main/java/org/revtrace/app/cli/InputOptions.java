package org.revtrace.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.revtrace.ingest.canonical.ImportOptions;
import org.revtrace.ingest.canonical.QuarantineWriter;
import org.revtrace.ingest.mapping.MappedImporter;
import picocli.CommandLine.Option;

/** Where the input comes from: a canonical folder, mapped exports, and how to read them. */
public final class InputOptions {

  @Option(names = "--data", description = "Folder of canonical CSV files.")
  Path data;

  @Option(
      names = "--mapped",
      description =
          "A CSV export and the mapping file that reads it, as EXPORT.csv=MAPPING.yaml"
              + " (repeatable; see docs/import-mapping.md).")
  Map<Path, Path> mapped = new LinkedHashMap<>();

  @Option(
      names = "--channel-rules",
      description =
          "Channel grouping rules (YAML) replacing the defaults; see docs/definitions/normalisation.md.")
  Path channelRules;

  @Option(
      names = "--source-zone",
      description = "Time zone of a file's timestamps without offset, as FILE=ZONE (repeatable).")
  Map<String, String> sourceZones = new LinkedHashMap<>();

  @Option(
      names = "--default-zone",
      defaultValue = "UTC",
      description = "Time zone of timestamps without offset (default: ${DEFAULT-VALUE}).")
  String defaultZone = "UTC";

  @Option(
      names = "--quarantine",
      description = "Where to write bad rows (default: DATA/quarantine, else ./quarantine).")
  Path quarantine;

  ImportOptions importOptions(String currency) {
    ImportOptions options =
        ImportOptions.defaults().withReportingCurrency(currency).withDefaultZone(zone(defaultZone));
    for (Map.Entry<String, String> entry : sourceZones.entrySet()) {
      options = options.withZone(entry.getKey(), zone(entry.getValue()));
    }
    return options;
  }

  List<MappedImporter.Source> mappedSources() {
    List<MappedImporter.Source> sources = new ArrayList<>();
    mapped.forEach(
        (csv, mapping) -> {
          requireFile(csv, "export");
          requireFile(mapping, "mapping");
          sources.add(new MappedImporter.Source(csv, mapping));
        });
    return sources;
  }

  /** Checks that some input was named and exists. */
  void validate() {
    if (data == null && mapped.isEmpty()) {
      throw new BadArgument("give --data DIR and/or --mapped EXPORT.csv=MAPPING.yaml");
    }
    if (data != null && !Files.isDirectory(data)) {
      throw new BadArgument("data folder not found: " + data);
    }
    if (channelRules != null) {
      requireFile(channelRules, "channel rules");
    }
  }

  Path quarantineDirectory() {
    if (quarantine != null) {
      return quarantine;
    }
    return data != null ? QuarantineWriter.defaultDirectory(data) : Path.of("quarantine");
  }

  private static void requireFile(Path file, String what) {
    if (!Files.isRegularFile(file)) {
      throw new BadArgument(what + " file not found: " + file);
    }
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id.trim());
    } catch (DateTimeException e) {
      throw new BadArgument("unknown time zone '" + id + "'");
    }
  }
}
