package org.revtrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.revtrace.app.Main;
import org.revtrace.app.demo.DemoGenerator;
import org.revtrace.app.demo.DemoSpec;

/**
 * Golden files: the JSON report of a small fixed demo data set, per model. Any change in a number
 * shows up here; after a deliberate change, run with {@code -Drevtrace.updateGolden=true} and
 * review the diff of {@code src/test/resources/golden}.
 */
class ReportGoldenTest {

  private static final Path EXPECTED = Path.of("src/test/resources/golden");

  @TempDir static Path data;

  @BeforeAll
  static void generate() {
    DemoGenerator.generate(DemoSpec.defaults().withSeed(7).scaledTo(5_000), data);
  }

  @ParameterizedTest
  @ValueSource(strings = {"linear", "w_shaped", "time_decay", "markov"})
  void reportMatchesTheGoldenFile(String model) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            "report",
            "--data",
            data.toString(),
            "--model",
            model,
            "--format",
            "json",
            "--quarantine",
            data.resolve("quarantine").toString());
    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.DATA_ERRORS); // planted dirty rows
    Path golden = EXPECTED.resolve("report-" + model + ".json");
    String actual = out.toString().replace("\r\n", "\n");
    if (Boolean.getBoolean("revtrace.updateGolden")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
