package org.revtrace.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ShapleyBenchTest {

  @Test
  void benchPrintsEveryStep() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ShapleyBench.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), 2_000);
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains(
            "values, exact, conversions",
            "values, exact, conversion rate",
            "values, simplified",
            "attribute (values + money)",
            "Hoeffding bound",
            "bootstrap shapley, ");
  }
}
