package org.revtrace.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoSizeTest {

  @ParameterizedTest
  @ValueSource(longs = {10_000, 200_000})
  void touchpointCountIsWithinTenPercentOfTheTarget(long target, @TempDir Path directory) {
    DemoSummary scaled = DemoGenerator.generate(DemoSpec.defaults().scaledTo(target), directory);

    assertThat(scaled.rows("touchpoints.csv")).isBetween(target * 9 / 10, target * 11 / 10);
  }

  @Test
  void defaultAccountsMeetTenThousandTouchpoints(@TempDir Path directory) {
    DemoSummary summary =
        DemoGenerator.generate(DemoSpec.defaults().withTouchpoints(10_000), directory);

    assertThat(summary.rows("touchpoints.csv")).isBetween(9_000L, 11_000L);
    assertThat(summary.rows("accounts.csv")).isEqualTo(600);
  }

  @Test
  void generatesOneMillionTouchpoints(@TempDir Path directory) {
    Runtime runtime = Runtime.getRuntime();
    long started = System.nanoTime();
    DemoSummary summary =
        DemoGenerator.generate(DemoSpec.defaults().scaledTo(1_000_000), directory);
    long millis = (System.nanoTime() - started) / 1_000_000;
    long usedMegabytes = (runtime.totalMemory() - runtime.freeMemory()) >> 20;

    System.out.printf(
        Locale.ROOT,
        "demo: %d touchpoints, %d accounts in %d ms (heap in use after: %d MB)%n",
        summary.rows("touchpoints.csv"),
        summary.rows("accounts.csv"),
        millis,
        usedMegabytes);
    assertThat(summary.rows("touchpoints.csv")).isBetween(900_000L, 1_100_000L);
  }
}
