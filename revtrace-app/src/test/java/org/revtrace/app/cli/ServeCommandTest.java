package org.revtrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revtrace.app.Main;

/** {@code serve} refuses bad arguments before starting anything. */
class ServeCommandTest {

  @TempDir Path dir;

  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
  }

  @Test
  void missingDataFolderIsABadArgument() {
    assertThat(run("serve", "--data", dir.resolve("absent").toString(), "--port", "0"))
        .isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(err.toString()).contains("data folder not found");
  }

  @Test
  void portOutOfRangeIsABadArgument() {
    assertThat(run("serve", "--data", dir.toString(), "--port", "70000"))
        .isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(err.toString()).contains("--port must be 0 to 65535");
  }
}
