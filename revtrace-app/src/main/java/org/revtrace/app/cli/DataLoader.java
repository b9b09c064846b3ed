package org.revtrace.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.model.RowError;
import org.revtrace.ingest.canonical.CanonicalImporter;
import org.revtrace.ingest.canonical.ImportOptions;
import org.revtrace.ingest.canonical.ImportResult;

/** Reads a canonical data folder into a dataset, reporting bad rows on stderr. */
final class DataLoader {

  /** Folders larger than this get a progress bar on stderr. */
  private static final long PROGRESS_BAR_BYTES = 16L * 1024 * 1024;

  /** What was loaded, and every row that was left out. */
  record Loaded(Dataset dataset, ImportResult imported, List<RowError> errors) {

    boolean hasErrors() {
      return !errors.isEmpty();
    }
  }

  private DataLoader() {}

  static Loaded load(Path dir, ImportOptions options, PrintWriter err) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("data folder not found: " + dir);
    }
    ImportResult imported = importWithProgress(dir, options, err);
    Dataset dataset = Dataset.of(imported.data(), options.reportingCurrency());
    List<RowError> errors = new ArrayList<>(imported.errors());
    errors.addAll(dataset.conversionErrors());
    return new Loaded(dataset, imported, errors);
  }

  private static ImportResult importWithProgress(Path dir, ImportOptions options, PrintWriter err) {
    long bytes = CanonicalImporter.totalBytes(dir);
    if (bytes < PROGRESS_BAR_BYTES) {
      return new CanonicalImporter().importFolder(dir, options);
    }
    try (ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName("Importing")
            .setInitialMax(bytes)
            .setUnit(" MB", 1024 * 1024)
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
            .build()) {
      return new CanonicalImporter().importFolder(dir, options.withProgress(bar::stepBy));
    }
  }

  /** Prints the per-file summary and the first errors to stderr. */
  static void reportErrors(Loaded loaded, Path quarantineDir, PrintWriter err) {
    if (!loaded.hasErrors()) {
      return;
    }
    err.println(loaded.imported().summary());
    int shown = 0;
    for (RowError error : loaded.errors()) {
      if (shown++ == 20) {
        err.println("  … " + (loaded.errors().size() - 20) + " more");
        break;
      }
      err.println("  " + error.describe());
    }
    if (quarantineDir != null) {
      err.println(loaded.errors().size() + " bad rows quarantined in " + quarantineDir);
    } else {
      err.println(loaded.errors().size() + " bad rows left out (nothing written: --check)");
    }
    err.flush();
  }

  static void writeQuarantine(Loaded loaded, Path quarantineDir) throws IOException {
    new org.revtrace.ingest.canonical.QuarantineWriter().write(loaded.imported(), quarantineDir);
  }
}
