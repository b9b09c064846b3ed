package org.revtrace.app.web.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.revtrace.app.cli.BadArgument;
import org.revtrace.app.cli.InputOptions;
import org.revtrace.app.cli.LoadedReports;
import org.revtrace.app.cli.StoreImport;
import org.revtrace.core.model.RowError;
import org.revtrace.core.port.BatchSummary;
import org.revtrace.core.port.ImportBatches;
import org.revtrace.core.port.RejectedFile;
import org.revtrace.ingest.canonical.CanonicalFile;
import org.revtrace.ingest.mapping.MappingFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports uploaded files into the store as one batch, as {@code revtrace import --into-store} does
 * with a folder, then refreshes the server's snapshot so reports show the new rows at once.
 *
 * <p>Uploads are either canonical files named by their canonical file name ({@code leads.csv}, ...)
 * or one mapped export with its mapping file. They are written to a temporary folder that is
 * deleted afterwards; the batch's content hash is the CLI's (file names and bytes), so the same
 * files uploaded again, or imported by the CLI, are "already imported".
 */
@Service
class ImportService {

  private final ImportBatches batches;
  private final LoadedReports reports;
  private final String currency;

  ImportService(
      ImportBatches batches,
      LoadedReports reports,
      @Value("${revtrace.currency:RUB}") String currency) {
    this.batches = batches;
    this.reports = reports;
    this.currency = currency;
  }

  /**
   * What an upload did.
   *
   * @param outcome the import's outcome (no batch when only checked)
   * @param version the snapshot's data version after the import
   */
  record Result(StoreImport.Outcome outcome, LoadedReports.DataVersion version) {}

  /** Where and how to read the uploaded timestamps without offset. */
  record Zones(String defaultZone, Map<String, String> sourceZones) {

    Zones {
      defaultZone = defaultZone == null || defaultZone.isBlank() ? "UTC" : defaultZone.trim();
      sourceZones = Map.copyOf(sourceZones);
    }
  }

  /**
   * Imports the uploads: canonical {@code files}, or an {@code export} with its {@code mapping}.
   * With {@code check} nothing is written and the snapshot stays as it is.
   *
   * @throws BadArgument when no file was sent, a file name is not canonical, a name repeats, the
   *     mapping is invalid or a zone is unknown
   */
  Result importUploads(
      List<MultipartFile> files,
      MultipartFile export,
      MultipartFile mapping,
      boolean check,
      Zones zones)
      throws IOException {
    List<MultipartFile> canonical =
        files == null ? List.of() : files.stream().filter(file -> !file.isEmpty()).toList();
    boolean mapped = export != null && !export.isEmpty();
    if (canonical.isEmpty() && !mapped) {
      throw new BadArgument(
          "no file uploaded: send canonical files (touchpoints.csv, leads.csv, …) as 'files',"
              + " or an export and its mapping as 'export' and 'mapping'");
    }
    if (!canonical.isEmpty() && mapped) {
      throw new BadArgument("send canonical files or one mapped export, not both in one import");
    }
    Path folder = Files.createTempDirectory("revtrace-upload");
    try {
      InputOptions input;
      String name;
      if (mapped) {
        if (mapping == null || mapping.isEmpty()) {
          throw new BadArgument("an 'export' needs its mapping file as part 'mapping'");
        }
        String exportName = safeName(export);
        Path exportFile = save(export, folder.resolve(exportName));
        Path mappingFile = save(mapping, folder.resolve("mapping.yaml"));
        try {
          MappingFile.load(mappingFile, exportName);
        } catch (MappingFile.InvalidMappingException e) {
          throw new BadArgument("bad mapping: " + e.getMessage());
        }
        input =
            StoreImport.mapped(exportFile, mappingFile, zones.defaultZone(), zones.sourceZones());
        name = exportName;
      } else {
        TreeSet<String> names = new TreeSet<>();
        for (MultipartFile file : canonical) {
          String fileName = canonicalName(file);
          if (!names.add(fileName)) {
            throw new BadArgument("file " + fileName + " was sent twice");
          }
          save(file, folder.resolve(fileName));
        }
        input = StoreImport.folder(folder, zones.defaultZone(), zones.sourceZones());
        name = String.join(",", names);
      }
      StoreImport.Outcome outcome = StoreImport.run(batches, input, name, currency, check);
      LoadedReports.DataVersion version =
          check || outcome.batch().repeated() ? reports.version() : reports.refresh();
      return new Result(outcome, version);
    } finally {
      delete(folder);
    }
  }

  /** The committed batches, newest first. */
  List<BatchSummary> batchesNewestFirst() {
    return batches.batches().stream()
        .sorted(Comparator.comparingLong(BatchSummary::id).reversed())
        .toList();
  }

  /** One batch, if it exists. */
  Optional<BatchSummary> batch(long id) {
    return batches.batches().stream().filter(batch -> batch.id() == id).findFirst();
  }

  /** The quarantined rows of a batch, in commit order. */
  List<RowError> quarantine(long id) {
    return batches.quarantine(id);
  }

  /** The rejected rows of a batch per file, by file name. */
  List<RejectedFile> rejectedRows(long id) {
    return batches.rejectedRows(id);
  }

  /**
   * The rejected rows of one file of a batch; empty when {@code file} is not exactly a canonical
   * file name ({@code touchpoints.csv}, ...) or the batch kept no rejected rows of it.
   */
  Optional<RejectedFile> rejectedFile(long id, String file) {
    if (!isCanonicalName(file)) {
      return Optional.empty();
    }
    return batches.rejectedRows(id).stream()
        .filter(rejected -> rejected.file().equals(file))
        .findFirst();
  }

  /** True when {@code file} is exactly a canonical file name: nothing else is ever served. */
  static boolean isCanonicalName(String file) {
    return CanonicalFile.byName(file).map(kind -> kind.fileName().equals(file)).orElse(false);
  }

  private static String canonicalName(MultipartFile file) {
    String name = originalName(file);
    Optional<CanonicalFile> kind =
        name.toLowerCase(Locale.ROOT).endsWith(".csv")
            ? CanonicalFile.byName(name)
            : Optional.empty();
    return kind.map(CanonicalFile::fileName)
        .orElseThrow(
            () ->
                new BadArgument(
                    "unknown file name '"
                        + name
                        + "': name canonical files "
                        + Stream.of(CanonicalFile.values())
                            .map(CanonicalFile::fileName)
                            .collect(Collectors.joining(", "))
                        + " (docs/import-mapping.md reads other exports)"));
  }

  private static String safeName(MultipartFile file) {
    String name = originalName(file);
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
    if (safe.isEmpty() || safe.startsWith(".") || safe.equals("mapping.yaml")) {
      safe = "export-" + safe + ".csv";
    }
    return safe;
  }

  private static String originalName(MultipartFile file) {
    String name = file.getOriginalFilename();
    if (name == null || name.isBlank()) {
      name = file.getName();
    }
    // Some browsers send a whole path; only the last part names the file.
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return name.substring(slash + 1).trim();
  }

  private static Path save(MultipartFile file, Path target) throws IOException {
    try (InputStream in = file.getInputStream()) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  private static void delete(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the upload folder " + folder, e);
    }
  }
}
