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
      names = "--from-store",
      description = "Read every batch imported into the store (see import --into-store).")
  boolean fromStore;

  @picocli.CommandLine.Mixin StoreOptions store = new StoreOptions();

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
    if (data == null && mapped.isEmpty() && !fromStore) {
      throw new BadArgument(
          "give --data DIR and/or --mapped EXPORT.csv=MAPPING.yaml, or --from-store");
    }
    if (fromStore && (data != null || !mapped.isEmpty())) {
      throw new BadArgument("--from-store reads the store only: drop --data and --mapped");
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

  /**
   * A SHA-256 over the input files' names and bytes (the folder's CSV files and the mapped exports
   * with their mappings, in name order): the same input gives the same digest, so the store can
   * tell a repeated import.
   */
  String contentHash() throws java.io.IOException {
    java.security.MessageDigest digest;
    try {
      digest = java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
    java.util.List<Path> files = new java.util.ArrayList<>();
    if (data != null) {
      try (var listing = Files.list(data)) {
        listing
            .filter(Files::isRegularFile)
            .filter(file -> file.getFileName().toString().endsWith(".csv"))
            .forEach(files::add);
      }
    }
    mapped.forEach(
        (csv, mapping) -> {
          files.add(csv);
          files.add(mapping);
        });
    files.sort(java.util.Comparator.comparing(file -> file.getFileName().toString()));
    for (Path file : files) {
      digest.update(
          file.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(Files.readAllBytes(file));
    }
    return java.util.HexFormat.of().formatHex(digest.digest());
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
