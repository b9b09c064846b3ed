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

/**
 * import --into-store commits one batch to the embedded PostgreSQL, a repeat changes nothing, and
 * report --from-store prints the same report as report --data.
 */
class ImportIntoStoreTest {

  @TempDir Path dir;

  private String run(int expectedCode, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    assertThat(code).as(err.toString()).isEqualTo(expectedCode);
    return out.toString();
  }

  @Test
  void importIsIdempotentAndTheStoreReportsLikeTheFiles() {
    Path data = dir.resolve("data");
    String db = dir.resolve("pg").toString();
    DemoGenerator.generate(DemoSpec.defaults().withDirty(false).scaledTo(10_000), data);

    String first = run(0, "import", "--data", data.toString(), "--into-store", "--db-dir", db);
    assertThat(first)
        .containsPattern(
            "batch 1 committed: [0-9,]+ rows stored \\([0-9,]+ new, 0 updated\\),"
                + " [0-9,]+ unchanged, 0 quarantined");
    String again = run(0, "import", "--data", data.toString(), "--into-store", "--db-dir", db);
    assertThat(again).contains("already imported as batch 1");

    String fromFiles =
        run(0, "report", "--data", data.toString(), "--model", "w_shaped", "--format", "json");
    String fromStore =
        run(0, "report", "--from-store", "--db-dir", db, "--model", "w_shaped", "--format", "json");
    assertThat(fromStore).isEqualTo(fromFiles);

    // the server's snapshot from the store answers like the folder
    ReportOptions linear = ReportOptions.json(null, null, null, null, "RUB", null);
    assertThat(LoadedReports.loadFromStore(Path.of(db), "RUB").json(linear))
        .isEqualTo(LoadedReports.load(data, "RUB").json(linear));
  }

  @Test
  void fromStoreExcludesFileInputs() {
    run(
        2,
        "report",
        "--from-store",
        "--data",
        dir.toString(),
        "--db-dir",
        dir.resolve("pg").toString());
  }
}
