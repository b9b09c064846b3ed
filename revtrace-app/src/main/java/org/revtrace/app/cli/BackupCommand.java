package org.revtrace.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.revtrace.store.StoreBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code revtrace backup}: the whole store into one zip file, while the server may be running. */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Back up the store (every table, one consistent snapshot) into a zip file.",
      "Works on the embedded database (stop `serve` first: it holds the data directory) and on",
      "REVTRACE_DB_URL (online). Restore with `revtrace restore --from FILE`. docs/operations.md"
    })
public final class BackupCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--to", required = true, description = "The zip file to write.")
  Path file;

  @Mixin StoreOptions store = new StoreOptions();

  @Override
  public Integer call() throws Exception {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new BadArgument("folder not found: " + parent);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (StoreOptions.OpenDatabase database = store.openDatabase()) {
      StoreBackup.Manifest manifest = StoreBackup.backup(database.dataSource(), file);
      out.printf(
          Locale.ROOT,
          "Backed up %s: schema version %s, %d rows in %d tables, to %s (%d bytes)%n",
          database.description(),
          manifest.schemaVersion(),
          manifest.totalRows(),
          manifest.rows().size(),
          file,
          Files.size(file));
    }
    return ExitCodes.OK;
  }
}
