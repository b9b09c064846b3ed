package org.revtrace.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revtrace.ingest.paths.PathFileReader;
import org.revtrace.ingest.paths.PathFileResult;

class MarkovBenchTest {
  @Test
  void generatorIsDeterministicAndWritesUniqueReadablePaths(@TempDir Path folder)
      throws IOException {
    Path first = folder.resolve("a.csv");
    Path second = folder.resolve("b.csv");
    PathFileGenerator.write(first, 5_000, 42);
    PathFileGenerator.write(second, 5_000, 42);

    assertThat(Files.mismatch(first, second)).isEqualTo(-1);
    PathFileResult read = PathFileReader.read(first);
    assertThat(read.errors()).isEmpty();
    assertThat(read.paths().pathCount()).isEqualTo(5_000);
    assertThat(read.paths().channelCount()).isEqualTo(16);
    assertThat(Files.readAllLines(first).stream().skip(1).map(l -> l.split(";")[0]).distinct())
        .hasSize(5_000);
    double meanLength = (double) read.paths().stepCount() / read.paths().pathCount();
    assertThat(meanLength).isBetween(6.0, 14.0);
  }

  @Test
  void benchPrintsEveryCase(@TempDir Path folder) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    MarkovBench.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), folder, 2_000);

    String output = bytes.toString(StandardCharsets.UTF_8);
    assertThat(output)
        .contains("read file + order 1", "read file + order 3", "order 1 compute")
        .contains("order 3 compute", "peer: ChannelAttribution");
  }
}
