package org.revtrace.store;

import java.nio.file.Path;
import java.util.List;
import org.revtrace.core.testing.CanonicalSamples;

/**
 * The child process of {@link CrashRecoveryIT}: starts the embedded database on the given directory
 * and commits one large batch; the test kills it (and its PostgreSQL) with SIGKILL part-way.
 */
public final class KilledImport {

  private KilledImport() {}

  public static void main(String[] args) {
    Path directory = Path.of(args[0]);
    int rows = Integer.parseInt(args[1]);
    EmbeddedDatabase database = EmbeddedDatabase.start(directory);
    JdbcImportBatches store = new JdbcImportBatches(database.dataSource());
    var data = CanonicalSamples.touchpoints("k", 0, rows);
    System.out.println("committing");
    System.out.flush();
    store.commit("canonical", "crash", "sha256:crash", data, List.of());
    System.out.println("committed");
    System.out.flush();
    database.close();
  }
}
