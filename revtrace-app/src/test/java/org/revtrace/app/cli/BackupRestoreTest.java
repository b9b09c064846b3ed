package org.revtrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revtrace.app.Main;
import org.revtrace.app.demo.DemoGenerator;
import org.revtrace.app.demo.DemoSpec;

/** backup of one embedded store, restore into a new one: the report from both is the same. */
class BackupRestoreTest {

  @TempDir Path dir;

  private String run(int expectedCode, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    assertThat(code).as(err.toString()).isEqualTo(expectedCode);
    return out.toString() + err;
  }

  @Test
  void aRestoredStoreReportsExactlyLikeTheOriginal() {
    Path data = dir.resolve("data");
    String original = dir.resolve("pg-original").toString();
    String copy = dir.resolve("pg-copy").toString();
    String zip = dir.resolve("backup.zip").toString();
    DemoGenerator.generate(DemoSpec.defaults().scaledTo(5_000), data);
    run(3, "import", "--data", data.toString(), "--into-store", "--db-dir", original);

    assertThat(run(0, "backup", "--to", zip, "--db-dir", original)).contains("Backed up");
    assertThat(run(0, "restore", "--from", zip, "--db-dir", copy)).contains("Restored");

    String[] report = {"report", "--from-store", "--model", "markov", "--format", "json"};
    assertThat(run(0, with(report, "--db-dir", copy)))
        .isEqualTo(run(0, with(report, "--db-dir", original)));
    assertThat(run(1, "restore", "--from", zip, "--db-dir", copy))
        .contains("restore needs an empty store");
    assertThat(run(2, "restore", "--from", dir.resolve("nope.zip").toString(), "--db-dir", copy))
        .contains("backup file not found");
  }

  private static String[] with(String[] args, String... more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }
}
