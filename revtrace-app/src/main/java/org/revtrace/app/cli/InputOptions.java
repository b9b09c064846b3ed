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
      names = "--ga4",
      paramLabel = "FILE",
      description =
          "GA4 BigQuery export rows, newline-delimited JSON or flattened CSV (repeatable):"
              + " one visit touchpoint per session; see docs/connectors/touchpoints.md.")
  List<Path> ga4 = new ArrayList<>();

  @Option(
      names = "--calls",
      paramLabel = "FILE[=PRESET]",
      description =
          "A call-tracking log (repeatable), with the export's preset: generic (default),"
              + " comagic (uis), calltouch or mango. Calls are matched to leads by phone.")
  List<String> calls = new ArrayList<>();

  @Option(
      names = "--call-window-days",
      defaultValue = "30",
      description =
          "How many days after a call its lead may be created (default: ${DEFAULT-VALUE}).")
  int callWindowDays = 30;

  @Option(
      names = "--call-lead-before-minutes",
      defaultValue = "10",
      description =
          "How many minutes before a call its lead may be created, for CRM clocks"
              + " (default: ${DEFAULT-VALUE}).")
  int callLeadBeforeMinutes = 10;

  @Option(
      names = "--phone-country",
      defaultValue = "7",
      description =
          "Country code put before 10-digit phone numbers in call logs (default: ${DEFAULT-VALUE}).")
  String phoneCountry = "7";

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

  /** A call log named by {@code --calls FILE[=PRESET]}. */
  record CallLogSource(Path file, org.revtrace.ingest.calls.CallLogPreset preset) {}

  List<CallLogSource> callLogs() {
    List<CallLogSource> logs = new ArrayList<>();
    for (String value : calls) {
      int equals = value.lastIndexOf('=');
      Path file = Path.of(equals < 0 ? value : value.substring(0, equals));
      org.revtrace.ingest.calls.CallLogPreset preset;
      try {
        preset =
            org.revtrace.ingest.calls.CallLogPreset.of(
                equals < 0 ? "generic" : value.substring(equals + 1));
      } catch (IllegalArgumentException e) {
        throw new BadArgument("--calls " + value + ": " + e.getMessage());
      }
      requireFile(file, "call log");
      logs.add(new CallLogSource(file, preset));
    }
    return logs;
  }

  org.revtrace.ingest.calls.CallWindow callWindow() {
    if (callWindowDays < 0 || callLeadBeforeMinutes < 0) {
      throw new BadArgument("--call-window-days and --call-lead-before-minutes are not negative");
    }
    return new org.revtrace.ingest.calls.CallWindow(
        java.time.Duration.ofDays(callWindowDays),
        java.time.Duration.ofMinutes(callLeadBeforeMinutes));
  }

  /** Checks that some input was named and exists. */
  void validate() {
    boolean files = data != null || !mapped.isEmpty() || !ga4.isEmpty() || !calls.isEmpty();
    if (!files && !fromStore) {
      throw new BadArgument(
          "give --data DIR and/or --mapped EXPORT.csv=MAPPING.yaml, --ga4 FILE, --calls FILE,"
              + " or --from-store");
    }
    if (fromStore && files) {
      throw new BadArgument(
          "--from-store reads the store only: drop --data, --mapped, --ga4 and --calls");
    }
    for (Path file : ga4) {
      requireFile(file, "GA4 export");
    }
    if (!phoneCountry.strip().matches("\\d{1,3}")) {
      throw new BadArgument(
          "--phone-country is a country calling code such as 7, got: " + phoneCountry);
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
    files.addAll(ga4);
    for (String value : calls) {
      int equals = value.lastIndexOf('=');
      files.add(Path.of(equals < 0 ? value : value.substring(0, equals)));
    }
    files.sort(java.util.Comparator.comparing(file -> file.getFileName().toString()));
    for (Path file : files) {
      digest.update(
          file.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(Files.readAllBytes(file));
    }
    if (!calls.isEmpty()) {
      // The presets and the matching window change what the same call logs become.
      digest.update(
          (calls + " " + callWindowDays + "d " + callLeadBeforeMinutes + "m +" + phoneCountry)
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
