package org.revtrace.ingest.canonical;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports a folder of canonical CSV files (ARCHITECTURE.md, "Canonical CSV format") into {@link
 * org.revtrace.core.model.CanonicalData}, rejecting bad rows into an error list instead of failing.
 *
 * <p>Every data row ends up either in the data or among the quarantined rows; only a file that
 * cannot be read at all yields no rows. Files are read in the order of {@link CanonicalFile};
 * absent files are skipped. Thread-safe: holds no state.
 */
public final class CanonicalImporter {

  /** Imports every canonical file present in {@code dir}. */
  public ImportResult importFolder(Path dir, ImportOptions options) {
    List<ImportResult> parts = new ArrayList<>();
    for (CanonicalFile kind : CanonicalFile.values()) {
      Path file = dir.resolve(kind.fileName());
      if (Files.exists(file)) {
        parts.add(read(file, kind.fileName(), kind, ',', new CanonicalColumns(kind), options));
      }
    }
    return ImportResult.combine(parts);
  }

  /** Imports one canonical file of the given kind, whatever its name. */
  public ImportResult importFile(Path file, CanonicalFile kind, ImportOptions options) {
    String name = file.getFileName().toString();
    return ImportResult.combine(
        List.of(read(file, name, kind, ',', new CanonicalColumns(kind), options)));
  }

  /**
   * Imports a file in another layout through a translator to canonical names, with the same
   * validation as canonical files; errors name {@code fileName} and the translator's columns.
   */
  public ImportResult importTranslated(
      Path file,
      String fileName,
      CanonicalFile kind,
      char delimiter,
      RecordTranslator translator,
      ImportOptions options) {
    return ImportResult.combine(
        List.of(read(file, fileName, kind, delimiter, translator, options)));
  }

  /** Total size of the canonical files in {@code dir}, for a progress bar fed by the options. */
  public static long totalBytes(Path dir) {
    long total = 0;
    for (CanonicalFile kind : CanonicalFile.values()) {
      Path file = dir.resolve(kind.fileName());
      try {
        if (Files.isRegularFile(file)) {
          total += Files.size(file);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return total;
  }

  private static ImportResult read(
      Path file,
      String fileName,
      CanonicalFile kind,
      char delimiter,
      RecordTranslator translator,
      ImportOptions options) {
    return new FileImport(fileName, kind, delimiter, translator, options).run(file);
  }
}
