package org.revtrace.ingest.mapping;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.RowError;
import org.revtrace.ingest.canonical.CanonicalImporter;
import org.revtrace.ingest.canonical.ImportOptions;
import org.revtrace.ingest.canonical.ImportResult;

/**
 * Imports CSV exports through mapping files, with the canonical validation, errors naming the
 * export file, its physical line and its source column.
 */
public final class MappedImporter {

  /** An export and the mapping that reads it. */
  public record Source(Path csv, Path mapping) {}

  /** Imports one export; an invalid mapping gives a single BAD_MAPPING error and no rows. */
  public ImportResult importFile(Path csv, Path mappingFile, ImportOptions options) {
    String fileName = csv.getFileName().toString();
    ColumnMapping mapping;
    try {
      mapping = MappingFile.load(mappingFile, fileName);
    } catch (MappingFile.InvalidMappingException e) {
      return ImportResult.rejected(
          new RowError(
              mappingFile.getFileName().toString(),
              0,
              "",
              ErrorCode.BAD_MAPPING,
              "",
              e.getMessage()));
    }
    return importFile(csv, mapping, options);
  }

  /** Imports one export with an already loaded mapping. */
  public ImportResult importFile(Path csv, ColumnMapping mapping, ImportOptions options) {
    String fileName = csv.getFileName().toString();
    ImportOptions effective =
        mapping.zone() == null ? options : options.withZone(fileName, mapping.zone());
    return new CanonicalImporter()
        .importTranslated(
            csv,
            fileName,
            mapping.target(),
            mapping.delimiter(),
            new MappedColumns(mapping, fileName),
            effective);
  }

  /** Imports several exports and checks them together (e.g. deals dated before their leads). */
  public ImportResult importAll(List<Source> sources, ImportOptions options) {
    List<ImportResult> parts = new ArrayList<>();
    for (Source source : sources) {
      parts.add(importFile(source.csv(), source.mapping(), options));
    }
    return ImportResult.combine(parts);
  }
}
