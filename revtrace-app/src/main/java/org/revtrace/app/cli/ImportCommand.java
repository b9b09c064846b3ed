package org.revtrace.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.revtrace.core.port.BatchOutcome;
import org.revtrace.core.port.BatchSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code revtrace import}: validates a canonical data folder and quarantines its bad rows. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Validate a folder of canonical CSV files and/or mapped exports: every bad row is reported",
      "with file, line, field and reason, and kept in a quarantine folder; good rows are all kept.",
      "Exit code 3 when any row was quarantined."
    })
public final class ImportCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin InputOptions input;

  @Option(names = "--check", description = "Validate only: write nothing.")
  boolean check;

  @Option(
      names = "--into-store",
      description =
          "Also commit the batch to the store (embedded PostgreSQL under --db-dir, or the server"
              + " named by REVTRACE_DB_URL): all good rows or none; re-importing the same files is"
              + " a no-op.")
  boolean intoStore;

  @Option(
      names = "--currency",
      defaultValue = "RUB",
      description = "Reporting currency (default: ${DEFAULT-VALUE}).")
  String currency;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DataLoader.Loaded loaded = DataLoader.load(input, currency.trim());
    Path quarantineDir = null;
    if (!check) {
      quarantineDir = input.quarantineDirectory();
      DataLoader.writeQuarantine(loaded, quarantineDir);
    }
    out.println(loaded.imported().summary());
    out.printf(
        java.util.Locale.ROOT,
        "%d touchpoints, %d leads, %d deals, %d spend rows, %d channels%n",
        loaded.dataset().touchCount(),
        loaded.dataset().leadCount(),
        loaded.dataset().dealCount(),
        loaded.dataset().spendCount(),
        loaded.dataset().channels().size());
    out.flush();
    DataLoader.reportErrors(loaded, quarantineDir, err);
    if (intoStore && !check) {
      commit(loaded, out);
    }
    return loaded.hasErrors() ? ExitCodes.DATA_ERRORS : ExitCodes.OK;
  }

  private void commit(DataLoader.Loaded loaded, PrintWriter out) throws Exception {
    try (StoreOptions.OpenStore store = input.store.open()) {
      BatchOutcome outcome = StoreImport.commit(store.batches(), input, null, loaded);
      BatchSummary batch = outcome.batch();
      if (outcome.repeated()) {
        out.printf(
            java.util.Locale.ROOT,
            "already imported as batch %d on %s: nothing changed (%s)%n",
            batch.id(),
            batch.committedAt(),
            store.description());
      } else {
        out.printf(
            java.util.Locale.ROOT,
            "batch %d committed: %,d rows stored (%,d new, %,d updated), %,d unchanged,"
                + " %,d quarantined (%s)%n",
            batch.id(),
            batch.storedRows(),
            batch.insertedRows(),
            batch.updatedRows(),
            batch.unchangedRows(),
            batch.quarantinedRows(),
            store.description());
      }
      out.flush();
    }
  }
}
