package org.revtrace.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.revtrace.ingest.canonical.ImportOptions;
import org.revtrace.ingest.canonical.QuarantineWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code revtrace import}: validates a canonical data folder and quarantines its bad rows. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Validate a folder of canonical CSV files: every bad row is reported with file, line, field",
      "and reason, and kept in a quarantine folder; good rows are all kept. Exit code 3 when any",
      "row was quarantined."
    })
public final class ImportCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--data", required = true, description = "Folder of canonical CSV files.")
  Path data;

  @Option(names = "--check", description = "Validate only: write nothing.")
  boolean check;

  @Option(
      names = "--quarantine",
      description = "Where to write bad rows (default: DATA/quarantine).")
  Path quarantine;

  @Option(
      names = "--currency",
      defaultValue = "RUB",
      description = "Reporting currency (default: ${DEFAULT-VALUE}).")
  String currency;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ImportOptions options = ImportOptions.defaults().withReportingCurrency(currency.trim());
    DataLoader.Loaded loaded = DataLoader.load(data, options, err);
    Path quarantineDir = null;
    if (!check) {
      quarantineDir = quarantine != null ? quarantine : QuarantineWriter.defaultDirectory(data);
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
    return loaded.hasErrors() ? ExitCodes.DATA_ERRORS : ExitCodes.OK;
  }
}
