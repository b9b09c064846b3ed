package org.revtrace.ingest.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.revtrace.core.attribution.markov.MarkovAttribution;
import org.revtrace.core.attribution.markov.MarkovResult;
import org.revtrace.core.attribution.markov.PathTable;

/** The 10,000-path sample data of the ChannelAttribution package (see the data README). */
class ChannelAttributionDataTest {
  private static PathFileResult read;

  @BeforeAll
  static void read() throws IOException {
    read = PathFileReader.read(SharedData.channelAttribution("ChannelAttribution_Data.csv"));
  }

  @Test
  void readsEveryRowWithTheDocumentedTotals() {
    PathTable paths = read.paths();

    assertThat(read.errors()).isEmpty();
    assertThat(paths.pathCount()).isEqualTo(10_000);
    assertThat(paths.channelNames())
        .containsExactlyInAnyOrder(
            "alpha", "beta", "delta", "epsilon", "eta", "gamma", "iota", "kappa", "lambda", "mi",
            "theta", "zeta");
    assertThat(paths.totalConversions()).isEqualTo(19_785);
    // The README's 74,802.972 is rounded; the exact decimal sum of the column is
    // 74,802.97158721083751036 (checked with Python's Decimal).
    assertThat(paths.totalConversionValue()).isCloseTo(74_802.972, within(0.0005));
    assertThat(paths.totalConversionValue()).isCloseTo(74_802.97158721084, within(1e-7));
    assertThat(paths.totalNulls()).isEqualTo(68_602);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void creditSumsToTotalsAtEveryOrder(int order) {
    PathTable paths = read.paths();

    MarkovResult result = MarkovAttribution.compute(paths, order, true);

    assertThat(result.status()).isEqualTo(MarkovResult.Status.ATTRIBUTED);
    assertThat(result.order()).isEqualTo(order);
    for (double share : result.shares()) {
      assertThat(share).isBetween(0.0, 1.0);
    }
    assertThat(sum(result.shares())).isCloseTo(1, within(1e-12));
    assertThat(sum(result.attributedConversions())).isCloseTo(19_785, within(19_785 * 1e-9));
    assertThat(sum(result.attributedValues()))
        .isCloseTo(paths.totalConversionValue(), within(paths.totalConversionValue() * 1e-9));
    assertThat(result.conversionProbability()).isBetween(0.0, 1.0);
  }

  /**
   * P(conversion) of a chain estimated from complete paths equals the observed conversion rate at
   * every order: the path counts are a flow from START, so visits per journey equal the chain's
   * expected visits (see docs/definitions/markov.md). 19,785 of 88,387 journeys converted.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void conversionProbabilityIsTheObservedRate(int order) {
    MarkovResult result = MarkovAttribution.compute(read.paths(), order, true);

    assertThat(result.conversionProbability()).isCloseTo(19_785.0 / 88_387, within(1e-12));
  }

  @Test
  void orderOneHasOneStatePerChannel() {
    assertThat(MarkovAttribution.compute(read.paths(), 1, true).states()).isEqualTo(12);
  }

  private static double sum(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum;
  }
}
