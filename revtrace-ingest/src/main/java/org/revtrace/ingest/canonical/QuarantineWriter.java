package org.revtrace.ingest.canonical;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.revtrace.core.model.RowError;

/**
 * Writes the quarantine of an import: {@code errors.csv} (file, line, field, code, raw, message),
 * {@code warnings.csv} when there are warnings, and per source file the rejected rows under the
 * file's own name with its header, so they can be fixed and imported again.
 *
 * <p>Output is deterministic (UTF-8, LF line ends, errors by file then line, rows in file order):
 * importing the same input twice gives byte-identical files. Existing files of the same names are
 * replaced; other files in the directory are left alone.
 */
public final class QuarantineWriter {

  /** The default place: {@code <dir>/quarantine}. */
  public static Path defaultDirectory(Path dataDir) {
    return dataDir.resolve("quarantine");
  }

  /** Writes the quarantine of {@code result} into {@code outDir}, creating it if needed. */
  public void write(ImportResult result, Path outDir) throws IOException {
    write(result, List.of(), outDir);
  }

  /**
   * Writes the quarantine of {@code result} plus {@code laterErrors} — rows left out after the
   * import, such as amounts with no exchange rate — listed after the import's own errors.
   */
  public void write(ImportResult result, List<RowError> laterErrors, Path outDir)
      throws IOException {
    Files.createDirectories(outDir);
    List<RowError> errors = new java.util.ArrayList<>(result.errors());
    errors.addAll(laterErrors);
    writeErrors(errors, outDir.resolve("errors.csv"));
    Path warnings = outDir.resolve("warnings.csv");
    if (result.warnings().isEmpty()) {
      Files.deleteIfExists(warnings);
    } else {
      writeErrors(result.warnings(), warnings);
    }
    for (QuarantinedFile file : result.quarantine()) {
      try (CsvWriter csv = writer(outDir.resolve(file.file()))) {
        csv.writeRecord(file.header());
        for (QuarantinedFile.RejectedRow row : file.rows()) {
          csv.writeRecord(row.fields());
        }
      }
    }
  }

  private static void writeErrors(List<RowError> errors, Path path) throws IOException {
    try (CsvWriter csv = writer(path)) {
      writeErrors(errors, csv, UnaryOperator.identity());
    }
  }

  /**
   * The errors as CSV records ({@code file, line, field, code, raw, message}) with a header, each
   * text value passed through {@code text} (e.g. to neutralise spreadsheet formulas).
   */
  public static void writeErrors(List<RowError> errors, CsvWriter csv, UnaryOperator<String> text) {
    csv.writeRecord("file", "line", "field", "code", "raw", "message");
    for (RowError error : errors) {
      csv.writeRecord(
          text.apply(error.file()),
          Long.toString(error.line()),
          text.apply(error.field()),
          error.code().name(),
          text.apply(error.raw()),
          text.apply(error.message()));
    }
  }

  private static CsvWriter writer(Path path) throws IOException {
    return CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(path, StandardCharsets.UTF_8);
  }
}
