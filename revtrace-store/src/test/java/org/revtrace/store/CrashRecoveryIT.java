package org.revtrace.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.revtrace.core.port.BatchOutcome;
import org.revtrace.core.testing.CanonicalSamples;

/**
 * An import killed part-way leaves no partial batch, and the next start works and can retry: the
 * importing process killed with SIGKILL (its PostgreSQL, detached by pg_ctl, keeps running and is
 * stopped by the next start), and power loss (the process and its PostgreSQL both killed; the next
 * start runs PostgreSQL's crash recovery).
 */
class CrashRecoveryIT {

  private static final int ROWS = 400_000;

  @Test
  void killingTheImportingProcessLeavesNoPartialBatch() throws Exception {
    killMidImport(Path.of("target", "it-pg-kill").toAbsolutePath(), false);
  }

  @Test
  void powerLossMidImportLeavesNoPartialBatch() throws Exception {
    killMidImport(Path.of("target", "it-pg-crash").toAbsolutePath(), true);
  }

  private static void killMidImport(Path directory, boolean alsoPostgres) throws Exception {
    SharedDatabaseFiles.delete(directory);
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                KilledImport.class.getName(),
                directory.toString(),
                Integer.toString(ROWS))
            .redirectErrorStream(true)
            .start();
    try (BufferedReader output =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = output.readLine()) != null && !line.equals("committing")) {
        // PostgreSQL's and Flyway's start-up lines
      }
      assertThat(line).as("the child reached the commit").isEqualTo("committing");
      // Part-way through building and copying 400,000 rows (several seconds on this machine).
      Thread.sleep(1_500);
      assertThat(child.isAlive()).as("the import is still running when killed").isTrue();
      ProcessHandle postmaster = postmaster(directory);
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(postmaster.isAlive()).as("pg_ctl detached PostgreSQL from the process").isTrue();
      if (alsoPostgres) {
        // Power loss takes every PostgreSQL process at once: the server and its backends.
        List<ProcessHandle> all = new java.util.ArrayList<>(postmaster.descendants().toList());
        all.add(postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
          process.onExit().get(30, TimeUnit.SECONDS);
        }
      }
    }

    try (EmbeddedDatabase restarted = EmbeddedDatabase.start(directory)) {
      assertThat(SharedDatabase.count(restarted.dataSource(), "batches")).isZero();
      assertThat(SharedDatabase.count(restarted.dataSource(), "touchpoints")).isZero();

      BatchOutcome retry =
          new JdbcImportBatches(restarted.dataSource())
              .commit(
                  "canonical",
                  "crash",
                  "sha256:crash",
                  CanonicalSamples.touchpoints("k", 0, 1_000),
                  List.of());
      assertThat(retry.repeated()).isFalse();
      assertThat(SharedDatabase.count(restarted.dataSource(), "touchpoints")).isEqualTo(1_000);
    }
  }

  private static ProcessHandle postmaster(Path directory) throws Exception {
    long pid =
        Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).strip());
    return ProcessHandle.of(pid).orElseThrow();
  }
}
