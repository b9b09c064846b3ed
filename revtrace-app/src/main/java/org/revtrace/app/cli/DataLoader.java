package org.revtrace.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.model.RowError;
import org.revtrace.ingest.calls.CallLogReader;
import org.revtrace.ingest.calls.CallTouchpoints;
import org.revtrace.ingest.calls.PhoneCall;
import org.revtrace.ingest.canonical.CanonicalImporter;
import org.revtrace.ingest.canonical.ImportOptions;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.canonical.QuarantineWriter;
import org.revtrace.ingest.ga4.Ga4Sessions;
import org.revtrace.ingest.mapping.MappedImporter;
import org.revtrace.ingest.normalize.ChannelGrouping;
import org.revtrace.ingest.normalize.Normalizer;
import org.revtrace.ingest.normalize.UtmNormalizer;

/**
 * Reads the input (a canonical folder and mapped exports), normalises it and indexes it into a
 * dataset, keeping every bad row for the quarantine.
 */
final class DataLoader {

  /** Inputs larger than this get a progress bar on stderr. */
  private static final long PROGRESS_BAR_BYTES = 16L * 1024 * 1024;

  /**
   * What was loaded, and every row that was left out.
   *
   * @param dataset the indexed data set
   * @param imported the rows as imported (before normalisation) and the import's errors
   * @param normalized the imported rows after normalisation, row by row
   * @param errors every row left out: quarantined by the import or not convertible
   * @param notes what the loading did besides (call matching counts, ...), for people
   */
  record Loaded(
      Dataset dataset,
      ImportResult imported,
      org.revtrace.core.model.CanonicalData normalized,
      List<RowError> errors,
      List<String> notes) {

    Loaded {
      notes = List.copyOf(notes);
    }

    boolean hasErrors() {
      return !errors.isEmpty();
    }
  }

  private DataLoader() {}

  static Loaded load(InputOptions input, String currency) throws IOException {
    input.validate();
    if (input.fromStore) {
      try (StoreOptions.OpenStore store = input.store.open()) {
        return index(
            input, ImportResult.ofValidated(store.batches().loadAll()), currency, List.of());
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException("cannot close the store: " + e.getMessage(), e);
      }
    }
    ImportOptions options = input.importOptions(currency);
    List<ImportResult> parts = new ArrayList<>();
    if (input.data != null) {
      parts.add(importFolder(input.data, options));
    }
    List<MappedImporter.Source> mapped = input.mappedSources();
    if (!mapped.isEmpty()) {
      parts.add(new MappedImporter().importAll(mapped, options));
    }
    ChannelGrouping grouping = grouping(input);
    for (Path file : input.ga4) {
      parts.add(new Ga4Sessions(new UtmNormalizer(), grouping).read(file));
    }
    List<PhoneCall> calls = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (InputOptions.CallLogSource source : input.callLogs()) {
      CallLogReader.CallLog log =
          new CallLogReader(source.preset(), options, input.phoneCountry.strip())
              .read(source.file());
      parts.add(log.result());
      calls.addAll(log.calls());
      if (log.outgoing() > 0) {
        notes.add(source.file().getFileName() + ": " + log.outgoing() + " outgoing calls skipped");
      }
    }
    ImportResult imported = parts.size() == 1 ? parts.get(0) : ImportResult.combine(parts);
    if (!input.calls.isEmpty()) {
      CallTouchpoints.Applied applied =
          new CallTouchpoints(new UtmNormalizer(), grouping)
              .apply(imported.data(), calls, input.callWindow());
      imported = imported.withData(applied.data());
      notes.add(applied.matches().describe());
    }
    return index(input, imported, currency, notes);
  }

  private static ChannelGrouping grouping(InputOptions input) throws IOException {
    return input.channelRules != null
        ? ChannelGrouping.load(input.channelRules)
        : ChannelGrouping.defaults();
  }

  /** Indexes data read back from the store, with the default channel rules. */
  static Loaded indexStored(org.revtrace.core.model.CanonicalData data, String currency)
      throws IOException {
    return index(new InputOptions(), ImportResult.ofValidated(data), currency, List.of());
  }

  /** Normalises imported data and indexes it into a dataset. */
  private static Loaded index(
      InputOptions input, ImportResult imported, String currency, List<String> notes)
      throws IOException {
    Normalizer normalizer = new Normalizer(new UtmNormalizer(), grouping(input));
    org.revtrace.core.model.CanonicalData normalized = normalizer.normalize(imported.data());
    Dataset dataset = Dataset.of(normalized, currency);
    List<RowError> errors = new ArrayList<>(imported.errors());
    errors.addAll(dataset.conversionErrors());
    return new Loaded(dataset, imported, normalized, errors, notes);
  }

  /**
   * Loads the input, quarantines bad rows and prints what was left out to {@code err}, as every
   * reporting command does.
   */
  static Loaded loadReporting(InputOptions input, String currency, PrintWriter err)
      throws IOException {
    Loaded loaded = load(input, currency);
    Path quarantine = input.quarantineDirectory();
    if (loaded.hasErrors()) {
      writeQuarantine(loaded, quarantine);
    }
    reportErrors(loaded, quarantine, err);
    return loaded;
  }

  /** Loads a canonical folder with default settings (used by {@code demo}). */
  static Loaded load(Path dir, String currency) throws IOException {
    InputOptions input = new InputOptions();
    input.data = dir;
    return load(input, currency);
  }

  private static ImportResult importFolder(Path dir, ImportOptions options) {
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
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .build()) {
      return new CanonicalImporter().importFolder(dir, options.withProgress(bar::stepBy));
    }
  }

  /** Prints the per-file summary, warnings and the first errors to stderr. */
  static void reportErrors(Loaded loaded, Path quarantineDir, PrintWriter err) {
    loaded.notes().forEach(err::println);
    List<RowError> warnings = loaded.imported().warnings();
    if (!loaded.hasErrors() && warnings.isEmpty()) {
      return;
    }
    err.println(loaded.imported().summary());
    print(loaded.errors(), "error", err);
    print(warnings, "warning", err);
    if (!loaded.hasErrors()) {
      err.println("no bad rows");
    } else if (quarantineDir != null) {
      err.println(loaded.errors().size() + " bad rows quarantined in " + quarantineDir);
    } else {
      err.println(loaded.errors().size() + " bad rows left out (nothing written: --check)");
    }
    err.flush();
  }

  private static void print(List<RowError> rows, String kind, PrintWriter err) {
    int shown = 0;
    for (RowError row : rows) {
      if (shown++ == 20) {
        err.println("  … " + (rows.size() - 20) + " more " + kind + "s");
        break;
      }
      err.println("  " + kind + ": " + row.describe());
    }
  }

  static void writeQuarantine(Loaded loaded, Path quarantineDir) throws IOException {
    new QuarantineWriter()
        .write(loaded.imported(), loaded.dataset().conversionErrors(), quarantineDir);
  }
}
