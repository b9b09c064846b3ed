package org.revtrace.core.attribution.markov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MarkovAttributionTest {
  private static final double EXACT = 1e-12;

  /**
   * analyzecore.com, 2016-08-03, "Marketing Multi-Channel Attribution model with R (part 1)".
   *
   * <p>Counts at order 1: START→c1 2, START→c2 1; c1→c2 1, c1→NULL 1; c2→c3 2; c3→CONV 1, c3→NULL
   * 1. So x(c3) = 1/2, x(c2) = x(c3) = 1/2, x(c1) = 1/2·x(c2) = 1/4 and P = 2/3·1/4 + 1/3·1/2 =
   * 1/3. Without c1 only START→c2 survives: P' = 1/3·1/2 = 1/6, RE(c1) = 1/2. Without c2 or c3
   * nothing reaches CONV: RE = 1. Σ RE = 5/2, shares 0.2, 0.4, 0.4.
   */
  @Test
  void analyzecoreToyAtOrderOne() {
    MarkovResult result = MarkovAttribution.compute(analyzecore(), 1, true);

    assertThat(result.status()).isEqualTo(MarkovResult.Status.ATTRIBUTED);
    assertThat(result.conversionProbability()).isCloseTo(1.0 / 3, within(EXACT));
    assertThat(result.removalEffects()).containsExactly(new double[] {0.5, 1, 1}, within(EXACT));
    assertThat(result.shares()).containsExactly(new double[] {0.2, 0.4, 0.4}, within(EXACT));
    assertThat(result.attributedConversions())
        .containsExactly(new double[] {0.2, 0.4, 0.4}, within(EXACT));
    assertThat(result.states()).isEqualTo(3);
  }

  /**
   * At order 2 the states are (c1), (c1,c2), (c2,c3), (c2); x(c2,c3) = 1/2 and the chain is still a
   * tree, so P and every RE are the same as at order 1.
   */
  @Test
  void analyzecoreToyAtOrderTwo() {
    MarkovResult result = MarkovAttribution.compute(analyzecore(), 2, true);

    assertThat(result.states()).isEqualTo(4);
    assertThat(result.conversionProbability()).isCloseTo(1.0 / 3, within(EXACT));
    assertThat(result.shares()).containsExactly(new double[] {0.2, 0.4, 0.4}, within(EXACT));
  }

  /**
   * serhiipuzyrov.com, 2019, "Markov Chain Attribution – Simple Explanation Of Removal Effect".
   *
   * <p>Counts: START→g 4, START→m 1; g→CONV 2, g→NULL 1, g→m 1; m→CONV 2. So x(m) = 1, x(g) = 2/4 +
   * 1/4·1 = 3/4, P = 4/5·3/4 + 1/5·1 = 4/5. Without g: P' = 1/5, RE(g) = 3/4. Without m: x(g) =
   * 1/2, P' = 4/5·1/2 = 2/5, RE(m) = 1/2. Shares 3/5 and 2/5 of 4 conversions: 2.4 and 1.6.
   */
  @Test
  void puzyrovToy() {
    MarkovResult result = MarkovAttribution.compute(puzyrov(), 1, true);

    assertThat(result.channelNames()).containsExactly("google ads", "mailing");
    assertThat(result.conversionProbability()).isCloseTo(0.8, within(EXACT));
    assertThat(result.removalEffects()).containsExactly(new double[] {0.75, 0.5}, within(EXACT));
    assertThat(result.shares()).containsExactly(new double[] {0.6, 0.4}, within(EXACT));
    assertThat(result.attributedConversions())
        .containsExactly(new double[] {2.4, 1.6}, within(EXACT));
  }

  /**
   * Only converting journeys: START→g 3, START→m 1; g→CONV 2, g→m 1; m→CONV 2, so P = 1. Without g:
   * P' = 1/4, RE = 3/4. Without m: x(g) = 2/3, P' = 3/4·2/3 = 1/2, RE = 1/2.
   */
  @Test
  void puzyrovToyWithoutNullPaths() {
    MarkovResult result = MarkovAttribution.compute(puzyrov(), 1, false);

    assertThat(result.conversionProbability()).isCloseTo(1, within(EXACT));
    assertThat(result.removalEffects()).containsExactly(new double[] {0.75, 0.5}, within(EXACT));
  }

  @Test
  void selfLoopsDoNotChangeOrderOneResults() {
    PathTable plain = Paths.of().add("a > b", 3, 2).add("b", 1, 4).add("a", 0, 5).build();
    PathTable looped =
        Paths.of().add("a > a > a > b", 3, 2).add("b > b", 1, 4).add("a", 0, 5).build();

    MarkovResult expected = MarkovAttribution.compute(plain, 1, true);
    MarkovResult actual = MarkovAttribution.compute(looped, 1, true);

    assertThat(actual.conversionProbability())
        .isCloseTo(expected.conversionProbability(), within(EXACT));
    assertThat(actual.removalEffects()).containsExactly(expected.removalEffects(), within(EXACT));
  }

  /**
   * A channel seen only on non-converting journeys can still earn credit at order 1, because the
   * chain forgets where it came from: here c → b has the same future as a → b. Counts: START→a 1,
   * START→c 1, a→b 1, c→b 1, b→CONV 1, b→NULL 1; x(b) = x(a) = x(c) = 1/2, P = 1/2; without c P' =
   * 1/4, RE(c) = 1/2. At order 2 the state (c,b) only leads to NULL, so RE(c) = 0.
   */
  @Test
  void nonConvertingChannelEarnsCreditOnlyThroughSharedFutures() {
    PathTable table = Paths.of().add("a > b", 1, 0).add("c > b", 0, 1).build();

    assertThat(MarkovAttribution.compute(table, 1, true).removalEffect("c"))
        .isCloseTo(0.5, within(EXACT));
    assertThat(MarkovAttribution.compute(table, 2, true).removalEffect("c")).isZero();
    assertThat(MarkovAttribution.compute(table, 1, false).removalEffect("c")).isZero();
  }

  @Test
  void noConversionsGiveZerosAndAFlag() {
    PathTable table = Paths.of().add("a > b", 0, 0, 3).add("b", 0, 0, 1).build();

    MarkovResult result = MarkovAttribution.compute(table, 2, true);

    assertThat(result.status()).isEqualTo(MarkovResult.Status.NO_CONVERSIONS);
    assertThat(result.shares()).containsExactly(0, 0);
    assertThat(result.attributedValues()).containsExactly(0, 0);
    assertThat(result.conversionProbability()).isZero();
  }

  @Test
  void emptyTableHasNoConversions() {
    MarkovResult result = MarkovAttribution.compute(Paths.of().build(), 3, true);

    assertThat(result.status()).isEqualTo(MarkovResult.Status.NO_CONVERSIONS);
    assertThat(result.channelNames()).isEmpty();
  }

  @Test
  void valueIsSplitWithTheConversionShare() {
    PathTable table = Paths.of().add("a > b", 1, 10.0, 0).add("b", 1, 30.0, 1).build();

    MarkovResult result = MarkovAttribution.compute(table, 1, true);

    double[] shares = result.shares();
    assertThat(result.attributedValues())
        .containsExactly(new double[] {shares[0] * 40, shares[1] * 40}, within(EXACT));
  }

  @Test
  void rejectsUnsupportedOrders() {
    assertThatThrownBy(() -> MarkovAttribution.compute(analyzecore(), 0, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 0");
    assertThatThrownBy(() -> MarkovAttribution.compute(analyzecore(), 5, true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void denseAndSparseSolversAgree() {
    PathTable table =
        Paths.of()
            .add("a > b > a > c", 3, 7)
            .add("c > c > b", 1, 2)
            .add("b > a", 2, 9)
            .add("d > a > d", 0, 4)
            .build();
    for (int order = 1; order <= 4; order++) {
      MarkovChain chain = MarkovChain.build(table, order, true);
      double[] dense =
          new AbsorptionSolver(chain, true).solve(new boolean[chain.states], start(chain));
      double[] sparse =
          new AbsorptionSolver(chain, false).solve(new boolean[chain.states], start(chain));
      assertThat(sparse).containsExactly(dense, within(1e-13));
    }
  }

  private static double[] start(MarkovChain chain) {
    return new double[chain.states];
  }

  static PathTable analyzecore() {
    return Paths.of().add("c1 > c2 > c3", 1, 0).add("c1", 0, 1).add("c2 > c3", 0, 1).build();
  }

  static PathTable puzyrov() {
    return Paths.of()
        .add("google ads", 2, 1)
        .add("mailing", 1, 0)
        .add("google ads > mailing", 1, 0)
        .build();
  }
}
