package org.revtrace.ingest.canonical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.RowError;

/**
 * The outcome of an import: the kept data, the errors of rejected rows and files, warnings about
 * kept rows, per-file statistics and the rejected rows themselves (for the quarantine).
 */
public final class ImportResult {

  private final CanonicalData data;
  private final List<RowError> errors;
  private final List<RowError> warnings;
  private final List<FileStats> files;
  private final List<QuarantinedFile> quarantine;
  private final Map<String, RowOrigin> dealOrigins;

  /**
   * Where a kept row came from (file or API source, line or record number), for cross-file checks.
   */
  public record RowOrigin(String file, long line) {}

  ImportResult(
      CanonicalData data,
      List<RowError> errors,
      List<RowError> warnings,
      List<FileStats> files,
      List<QuarantinedFile> quarantine,
      Map<String, RowOrigin> dealOrigins) {
    this.data = data;
    this.errors = List.copyOf(errors);
    this.warnings = List.copyOf(warnings);
    this.files = List.copyOf(files);
    this.quarantine = List.copyOf(quarantine);
    this.dealOrigins = Map.copyOf(dealOrigins);
  }

  /**
   * Merges the results of several files into one, in the given order, and runs the cross-file
   * checks ({@link ConsistencyCheck}) on the merged data. Errors are ordered by file name, then
   * line, so the order does not depend on how the files were read.
   */
  public static ImportResult combine(List<ImportResult> parts) {
    DataBuilder data = new DataBuilder();
    List<RowError> errors = new ArrayList<>();
    List<FileStats> files = new ArrayList<>();
    List<QuarantinedFile> quarantine = new ArrayList<>();
    Map<String, RowOrigin> origins = new HashMap<>();
    for (ImportResult part : parts) {
      data.addAll(part.data);
      errors.addAll(part.errors);
      files.addAll(part.files);
      quarantine.addAll(part.quarantine);
      part.dealOrigins.forEach(origins::putIfAbsent);
    }
    errors.sort(Comparator.comparing(RowError::file).thenComparingLong(RowError::line));
    quarantine.sort(Comparator.comparing(QuarantinedFile::file));
    CanonicalData merged = data.build();
    List<RowError> warnings = ConsistencyCheck.check(merged, origins);
    return new ImportResult(merged, errors, warnings, files, quarantine, origins);
  }

  /** A result with no rows and one error, for a source that could not be read at all. */
  public static ImportResult rejected(RowError error) {
    FileStats stats = new FileStats(error.file(), 0, 0, 0, 0, java.util.Map.of(error.code(), 1L));
    return new ImportResult(
        CanonicalData.empty(), List.of(error), List.of(), List.of(stats), List.of(), Map.of());
  }

  /**
   * The result of one source read by a connector outside this package (an ad-platform report or API
   * answer): its kept rows, the errors of its rejected records and of the file, its statistics and
   * its rejected records. Cross-file checks run when results are {@link #combine combined}.
   */
  public static ImportResult ofSource(
      CanonicalData data, List<RowError> errors, FileStats stats, QuarantinedFile quarantined) {
    List<RowError> sorted = new ArrayList<>(errors);
    sorted.sort(Comparator.comparing(RowError::file).thenComparingLong(RowError::line));
    return new ImportResult(
        data,
        sorted,
        List.of(),
        List.of(stats),
        quarantined.rows().isEmpty() ? List.of() : List.of(quarantined),
        Map.of());
  }

  /**
   * A result of data that was validated earlier (loaded back from the store): the rows, no errors,
   * no files.
   */
  public static ImportResult ofValidated(CanonicalData data) {
    return new ImportResult(data, List.of(), List.of(), List.of(), List.of(), Map.of());
  }

  /**
   * A result of records mapped from an API rather than read from files: the kept rows, the errors
   * of the rejected records (ordered by source, then record number), statistics per source (e.g.
   * {@code bitrix24:crm.deal.list}) and where each kept deal came from. The cross-file checks run
   * as in {@link #combine}. There is no quarantine of raw rows: the errors carry the raw values.
   */
  public static ImportResult ofMapped(
      CanonicalData data,
      List<RowError> errors,
      List<FileStats> files,
      Map<String, RowOrigin> dealOrigins) {
    List<RowError> sorted = new ArrayList<>(errors);
    sorted.sort(Comparator.comparing(RowError::file).thenComparingLong(RowError::line));
    return new ImportResult(
        data, sorted, ConsistencyCheck.check(data, dealOrigins), files, List.of(), dealOrigins);
  }

  /**
   * This result with {@code newData} in place of its rows, after a step that adds or links rows
   * (calls matched to leads become touchpoints): errors, statistics and quarantine stay, the
   * cross-file warnings are computed again.
   */
  public ImportResult withData(CanonicalData newData) {
    return new ImportResult(
        newData,
        errors,
        ConsistencyCheck.check(newData, dealOrigins),
        files,
        quarantine,
        dealOrigins);
  }

  /** The kept rows, in canonical form. */
  public CanonicalData data() {
    return data;
  }

  /** Why rows or files were rejected, ordered by file and line. */
  public List<RowError> errors() {
    return errors;
  }

  /** Problems of kept rows (code {@code OUT_OF_ORDER}); the rows stay in the data. */
  public List<RowError> warnings() {
    return warnings;
  }

  /** Statistics per file read, in reading order. */
  public List<FileStats> files() {
    return files;
  }

  /** Rejected rows per file that had any, by file name. */
  public List<QuarantinedFile> quarantine() {
    return quarantine;
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** The file summaries, one per line. */
  public String summary() {
    return files.stream().map(FileStats::summary).collect(Collectors.joining("\n"));
  }
}
