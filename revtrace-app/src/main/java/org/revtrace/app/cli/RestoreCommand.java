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

/** {@code revtrace restore}: a backup zip into an empty store, all tables or nothing. */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Restore a backup made by `revtrace backup` into an empty store (a new --db-dir, or an",
      "empty REVTRACE_DB_URL database) of the same or a newer Revtrace version."
    })
public final class RestoreCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--from", required = true, description = "The backup zip file.")
  Path file;

  @Mixin StoreOptions store = new StoreOptions();

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(file)) {
      throw new BadArgument("backup file not found: " + file);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (StoreOptions.OpenDatabase database = store.openDatabase()) {
      StoreBackup.Manifest manifest = StoreBackup.restore(database.dataSource(), file);
      out.printf(
          Locale.ROOT,
          "Restored %d rows in %d tables (backup of %s, schema version %s) into %s%n",
          manifest.totalRows(),
          manifest.rows().size(),
          manifest.createdAt(),
          manifest.schemaVersion(),
          database.description());
    }
    return ExitCodes.OK;
  }
}
