package org.revtrace.ingest.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints the rows per second of importing a generated touchpoints.csv (1M rows by default, {@code
 * -Drevtrace.throughputRows=N} to change). Asserts correctness only, never time.
 */
class CanonicalImportThroughputTest {

  @Test
  void measuresRowsPerSecond(@TempDir Path dir) throws IOException {
    int rows = Integer.getInteger("revtrace.throughputRows", 1_000_000);
    Path file = dir.resolve("touchpoints.csv");
    String[] channels = {"yandex_direct", "seo", "email", "vk_ads", "direct", "telegram"};
    Instant start = Instant.parse("2025-01-01T00:00:00Z");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(
          "touchpoint_id,occurred_at,channel,visitor_id,type,source,medium,campaign,landing_page\n");
      for (int i = 0; i < rows; i++) {
        out.write("tp");
        out.write(Integer.toString(i));
        out.write(',');
        out.write(start.plusSeconds(i * 37L).atOffset(ZoneOffset.ofHours(3)).toString());
        out.write(',');
        out.write(channels[i % channels.length]);
        out.write(",v");
        out.write(Integer.toString(i % 50_000));
        out.write(",visit,yandex,cpc,\"spring, sale\",/pricing\n");
      }
    }
    long bytes = Files.size(file);

    long begin = System.nanoTime();
    ImportResult result =
        new CanonicalImporter()
            .importFile(file, CanonicalFile.TOUCHPOINTS, ImportOptions.defaults());
    double seconds = (System.nanoTime() - begin) / 1e9;

    System.out.printf(
        Locale.ROOT,
        "canonical import: %,d touchpoint rows (%.1f MB) in %.2f s = %,.0f rows/s%n",
        rows,
        bytes / 1e6,
        seconds,
        rows / seconds);
    assertThat(result.data().touchpoints()).hasSize(rows);
    assertThat(result.errors()).isEmpty();
  }
}
