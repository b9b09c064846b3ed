package org.revtrace.ingest.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

  /**
   * Shares from an independent dense numpy solve of the same definition ({@code
   * markov_reference.py} beside this test in the resources); channels in alphabetical order.
   */
  @ParameterizedTest
  @CsvSource({
    "1, 12, 0.2701515128675845 0.12774082216428534 0.00023318768314911143 0.03030430378889105"
        + " 0.16885758915849727 0.008650262456089282 0.1963414051996508 0.013867235580227438"
        + " 0.06483938455366996 8.705709154828614e-05 0.09966706494247772 0.019260174513929144",
    "3, 966, 0.2905281096542356 0.12158372707784762 0.00025629740632370293 0.03151033919159635"
        + " 0.171648756399227 0.009021117428690746 0.19161127960062552 0.013355539361830555"
        + " 0.05816224512045052 0.00010749429248137615 0.09349571126217261 0.018719383204518384"
  })
  void sharesMatchAnIndependentDenseSolve(int order, int states, String expected) {
    String[] channels = {
      "alpha", "beta", "delta", "epsilon", "eta", "gamma", "iota", "kappa", "lambda", "mi", "theta",
      "zeta"
    };
    String[] shares = expected.split(" ");

    MarkovResult result = MarkovAttribution.compute(read.paths(), order, true);

    assertThat(result.states()).isEqualTo(states);
    for (int c = 0; c < channels.length; c++) {
      assertThat(result.share(channels[c]))
          .as(channels[c])
          .isCloseTo(Double.parseDouble(shares[c]), within(1e-12));
    }
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
