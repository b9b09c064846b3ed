package org.revtrace.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDeterminismTest {

  private static final DemoSpec SMALL = DemoSpec.defaults().scaledTo(10_000);

  @Test
  void sameSeedWritesByteIdenticalFiles(@TempDir Path first, @TempDir Path second) {
    DemoGenerator.generate(SMALL, first);
    DemoGenerator.generate(SMALL, second);

    Map<String, String> hashes = DemoCsv.hashes(first);
    assertThat(hashes).hasSize(11).isEqualTo(DemoCsv.hashes(second));
  }

  @Test
  void anotherSeedWritesOtherData(@TempDir Path first, @TempDir Path second) {
    DemoGenerator.generate(SMALL, first);
    DemoGenerator.generate(SMALL.withSeed(7), second);

    Map<String, String> one = DemoCsv.hashes(first);
    Map<String, String> other = DemoCsv.hashes(second);
    for (String file : new String[] {"touchpoints.csv", "deals.csv", "spend.csv", "rates.csv"}) {
      assertThat(one.get(file)).as(file).isNotEqualTo(other.get(file));
    }
  }

  @Test
  void cleanRunKeepsTheCleanRowsOfTheDirtyRun(@TempDir Path dirty, @TempDir Path clean) {
    DemoSummary dirtySummary = DemoGenerator.generate(SMALL, dirty);
    DemoSummary cleanSummary = DemoGenerator.generate(SMALL.withDirty(false), clean);

    assertThat(cleanSummary.rows("deals.csv")).isEqualTo(dirtySummary.rows("deals.csv"));
    assertThat(DemoCsv.hashes(clean).get("deals.csv"))
        .isEqualTo(DemoCsv.hashes(dirty).get("deals.csv"));
    assertThat(DemoCsv.groundTruth(clean).get("dirty").get("bad_rows").size()).isZero();
  }
}
