package org.revtrace.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.revtrace.core.model.RowError;
import org.revtrace.core.port.BatchOutcome;
import org.revtrace.core.port.ImportBatches;
import org.revtrace.core.port.RejectedFile;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.canonical.QuarantinedFile;

/**
 * One import into the store, shared by {@code revtrace import --into-store}, {@code serve --data}
 * and the server's upload: read and validate the input, then commit its good rows and its
 * quarantined rows as one batch, with the rejected rows themselves per file so they can be fixed
 * and imported again (a repeat of the same content is a no-op).
 */
public final class StoreImport {

  /**
   * What an import did.
   *
   * @param imported the validated input: per-file counts, kept rows, rejected rows, warnings
   * @param errors every row left out (the import's errors, then rows without an exchange rate)
   * @param batch the committed batch, or {@code null} when only checked
   */
  public record Outcome(ImportResult imported, List<RowError> errors, BatchOutcome batch) {

    public Outcome {
      errors = List.copyOf(errors);
    }

    /** True when the input was only validated and nothing was written. */
    public boolean checkedOnly() {
      return batch == null;
    }
  }

  private StoreImport() {}

  /**
   * The input of a folder of canonical CSV files, reading timestamps without offset in {@code
   * defaultZone} unless {@code sourceZones} names the file's own zone.
   *
   * @throws BadArgument when a zone is unknown
   */
  public static InputOptions folder(
      Path folder, String defaultZone, Map<String, String> sourceZones) {
    InputOptions input = new InputOptions();
    input.data = folder;
    input.defaultZone = defaultZone;
    input.sourceZones.putAll(sourceZones);
    input.importOptions("RUB");
    return input;
  }

  /** The input of one mapped export read through its mapping file (docs/import-mapping.md). */
  public static InputOptions mapped(
      Path export, Path mapping, String defaultZone, Map<String, String> sourceZones) {
    InputOptions input = new InputOptions();
    input.mapped.put(export, mapping);
    input.defaultZone = defaultZone;
    input.sourceZones.putAll(sourceZones);
    input.importOptions("RUB");
    return input;
  }

  /**
   * Reads and validates {@code input} in reporting {@code currency}; unless {@code check}, commits
   * it to {@code batches} as one batch named {@code batchName} (null: the folder's name, or the
   * export names).
   *
   * @throws BadArgument when the input does not exist or an option is invalid
   */
  public static Outcome run(
      ImportBatches batches, InputOptions input, String batchName, String currency, boolean check)
      throws IOException {
    DataLoader.Loaded loaded = DataLoader.load(input, Formats.currency(currency));
    BatchOutcome batch = check ? null : commit(batches, input, batchName, loaded);
    return new Outcome(loaded.imported(), loaded.errors(), batch);
  }

  static BatchOutcome commit(
      ImportBatches batches, InputOptions input, String batchName, DataLoader.Loaded loaded)
      throws IOException {
    if (input.fromStore) {
      throw new BadArgument("--into-store needs files to import, not --from-store");
    }
    String source = input.data != null ? "canonical" : "mapped";
    String name = batchName != null ? batchName : defaultName(input);
    return batches.commit(
        source,
        name,
        input.contentHash(),
        loaded.imported().data(),
        loaded.errors(),
        rejectedFiles(loaded.imported().quarantine()));
  }

  /** The importer's rejected rows in the store's terms: file, header, rows with line and fields. */
  public static List<RejectedFile> rejectedFiles(List<QuarantinedFile> quarantine) {
    return quarantine.stream()
        .map(
            file ->
                new RejectedFile(
                    file.file(),
                    file.header(),
                    file.rows().stream()
                        .map(row -> new RejectedFile.RejectedRow(row.line(), row.fields()))
                        .toList()))
        .toList();
  }

  private static String defaultName(InputOptions input) {
    return input.data != null
        ? input.data.toAbsolutePath().normalize().getFileName().toString()
        : input.mapped.keySet().stream()
            .map(file -> file.getFileName().toString())
            .sorted()
            .collect(Collectors.joining(","));
  }
}
