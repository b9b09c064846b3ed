package org.revtrace.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revtrace.core.attribution.ModelName;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.ingest.canonical.CanonicalImporter;
import org.revtrace.ingest.canonical.ImportOptions;

/** Scoring attribution models against the demo's planted truth. */
class TruthComparisonTest {

  @TempDir Path dir;

  @Test
  void distanceIsHalfTheL1Gap() {
    assertThat(TruthComparison.distance(Map.of("a", 0.5, "b", 0.5), Map.of("a", 0.5, "b", 0.5)))
        .isZero();
    assertThat(TruthComparison.distance(Map.of("a", 1.0), Map.of("b", 1.0))).isEqualTo(1.0);
    assertThat(TruthComparison.distance(Map.of("a", 0.7, "b", 0.3), Map.of("a", 0.4, "b", 0.6)))
        .isCloseTo(0.3, within(1e-12));
  }

  @Test
  void everyModelIsScoredOnDemoData() throws Exception {
    DemoGenerator.generate(DemoSpec.defaults().scaledTo(20_000), dir);
    Dataset dataset =
        Dataset.of(
            new CanonicalImporter().importFolder(dir, ImportOptions.defaults()).data(), "RUB");
    Map<String, Double> truth = TruthComparison.readTruth(dir);
    assertThat(truth.values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(1.0, within(1e-9));
    List<TruthComparison.Score> scores = TruthComparison.score(dataset, truth);
    assertThat(scores).hasSize(ModelName.values().length + 1); // + Shapley by conversion rate
    for (TruthComparison.Score score : scores) {
      assertThat(score.distance()).isBetween(0.0, 1.0);
      assertThat(score.shares().values().stream().mapToDouble(Double::doubleValue).sum())
          .isCloseTo(1.0, within(1e-9));
    }
    assertThat(scores)
        .isSortedAccordingTo(java.util.Comparator.comparingDouble(TruthComparison.Score::distance));
    assertThat(TruthComparison.table(scores, truth)).contains("markov").contains("truth");
  }
}
