package org.revtrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revtrace.app.Main;

/** The README's main command: generate demo data, print the report and the truth comparison. */
class DemoCommandTest {

  @TempDir Path dir;

  @Test
  void demoWritesDataAndPrintsTheReport() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            "demo",
            "--out",
            dir.resolve("demo").toString(),
            "--touchpoints",
            "20000",
            "--no-serve");
    assertThat(code).as(err.toString()).isZero();
    assertThat(dir.resolve("demo").resolve("touchpoints.csv")).isRegularFile();
    assertThat(out.toString())
        .contains("Revtrace report")
        .contains("yandex_direct")
        .contains("total")
        .contains("Attribution vs planted truth")
        .contains("markov");
    assertThat(err.toString()).contains("planted dirty rows were quarantined");
  }

  @Test
  void demoRejectsANegativeSize() {
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true),
            "demo",
            "--out",
            dir.toString(),
            "--touchpoints",
            "-5",
            "--no-serve");
    assertThat(code).isEqualTo(ExitCodes.BAD_ARGUMENTS);
  }
}
