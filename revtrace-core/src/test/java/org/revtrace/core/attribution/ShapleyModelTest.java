package org.revtrace.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.revtrace.core.attribution.ShapleySettings.Method;
import org.revtrace.core.attribution.ShapleySettings.ValueFunction;
import org.revtrace.core.journey.Journeys;
import org.revtrace.core.journey.ValueKind;

/** Shapley attribution on games small enough to compute by hand. */
class ShapleyModelTest {

  /**
   * Channel sets {a}: 2 conversions, 2 nulls; {b}: 1 conversion, 3 nulls; {a,b}: 3 conversions, 1
   * null.
   *
   * <p>Conversions game: v(∅)=0, v(a)=2, v(b)=1, v(ab)=6. φ_a = ½(2−0) + ½(6−1) = 3.5, φ_b = ½(1−0)
   * + ½(6−2) = 2.5; Σ = 6 = v(N).
   *
   * <p>Rate game: v(a) = 2/4 = ½, v(b) = 1/4, v(ab) = 6/12 = ½. φ_a = ½·½ + ½(½ − ¼) = 3/8, φ_b =
   * ½·¼ + ½(½ − ½) = 1/8; Σ = ½ = v(N); shares ¾ and ¼ of 6 conversions: 4.5 and 1.5.
   */
  private static Journeys toy() {
    return new ToyJourneys()
        .add("a", 2, true)
        .add("a", 2, false)
        .add("b", 1, true)
        .add("b", 3, false)
        .add("a>b", 2, true)
        .add("b>a", 1, true)
        .add("a>b", 1, false)
        .build();
  }

  private static double value(ShapleyResult result, Journeys journeys, String channel) {
    return result.values()[journeys.channels().find(channel)];
  }

  @Test
  void conversionsGameMatchesTheHandComputation() {
    Journeys journeys = toy();
    ShapleyResult result = ShapleyModel.values(journeys, ShapleySettings.defaults());
    assertThat(result.computation()).isEqualTo(ShapleyResult.Computation.EXACT);
    assertThat(value(result, journeys, "a")).isCloseTo(3.5, within(1e-12));
    assertThat(value(result, journeys, "b")).isCloseTo(2.5, within(1e-12));
    assertThat(result.errorBound()).isZero();
  }

  @Test
  void rateGameMatchesTheHandComputation() {
    Journeys journeys = toy();
    ShapleySettings rate =
        ShapleySettings.defaults().withValueFunction(ValueFunction.CONVERSION_RATE);
    ShapleyResult result = ShapleyModel.values(journeys, rate);
    assertThat(value(result, journeys, "a")).isCloseTo(0.375, within(1e-12));
    assertThat(value(result, journeys, "b")).isCloseTo(0.125, within(1e-12));
    Attribution attribution =
        AttributionModels.create(
                ModelName.SHAPLEY, ModelSettings.defaults().withShapley(rate), HalfLife.MINIMUM)
            .attribute(journeys);
    assertThat(attribution.channelConversions(journeys.channels().find("a")))
        .isCloseTo(4.5, within(1e-12));
    assertThat(attribution.channelConversions(journeys.channels().find("b")))
        .isCloseTo(1.5, within(1e-12));
  }

  @Test
  void simplifiedFormulaEqualsTheExactConversionsGame() {
    Journeys journeys = toy();
    ShapleyResult simplified =
        ShapleyModel.values(journeys, ShapleySettings.defaults().withMethod(Method.SIMPLIFIED));
    assertThat(simplified.computation()).isEqualTo(ShapleyResult.Computation.SIMPLIFIED);
    assertThat(simplified.values())
        .containsExactly(
            ShapleyModel.values(journeys, ShapleySettings.defaults()).values(), within(1e-12));
  }

  @Test
  void interchangeableChannelsGetEqualCredit() {
    Journeys journeys =
        new ToyJourneys()
            .add("a>b", 3, true)
            .add("b>a>c", 2, true)
            .add("c", 1, true)
            .add("a", 1, false)
            .add("b", 1, false)
            .build();
    for (ValueFunction function : ValueFunction.values()) {
      ShapleyResult result =
          ShapleyModel.values(journeys, ShapleySettings.defaults().withValueFunction(function));
      assertThat(value(result, journeys, "a"))
          .isCloseTo(value(result, journeys, "b"), within(1e-12));
    }
  }

  @Test
  void aChannelThatAddsNothingGetsNothing() {
    // d only ever appears on non-converting journeys by itself: v(S ∪ {d}) = v(S) for every S in
    // the conversions game, so φ_d = 0.
    Journeys journeys =
        new ToyJourneys().add("a", 2, true).add("a>b", 1, true).add("d", 5, false).build();
    ShapleyResult result = ShapleyModel.values(journeys, ShapleySettings.defaults());
    assertThat(value(result, journeys, "d")).isZero();
    assertThat(result.players()).isEqualTo(2);
  }

  @Test
  void attributionConservesConversionsAndMoney() {
    Journeys journeys = toy();
    Attribution attribution =
        AttributionModels.create(ModelName.SHAPLEY, ModelSettings.defaults(), HalfLife.MINIMUM)
            .attribute(journeys);
    assertThat(attribution.creditedConversions()).isCloseTo(6, within(1e-12));
    assertThat(attribution.channelConversions(journeys.channels().find("a")))
        .isCloseTo(3.5, within(1e-12));
    assertThat(attribution.creditedValue(ValueKind.REVENUE))
        .isEqualTo(journeys.totalValue(ValueKind.REVENUE));
  }

  @Test
  void efficiencyHoldsBeforeNormalisation() {
    Journeys journeys =
        new ToyJourneys()
            .add("a>b>c", 4, true)
            .add("c>d", 3, true)
            .add("a", 2, true)
            .add("b>d", 1, false)
            .add("e", 2, true)
            .build();
    double sum = 0;
    for (double value : ShapleyModel.values(journeys, ShapleySettings.defaults()).values()) {
      sum += value;
    }
    assertThat(sum).isCloseTo(journeys.conversionCount(), within(1e-9));
  }

  @Test
  void beyondTwentyChannelsTheRateGameIsSampledWithABound() {
    ToyJourneys toy = new ToyJourneys();
    for (int c = 0; c < 22; c++) {
      toy.add("c" + c + ">c" + ((c + 1) % 22), 1 + c % 3, true).add("c" + c, 2, false);
    }
    Journeys journeys = toy.build();
    ShapleyResult counted = ShapleyModel.values(journeys, ShapleySettings.defaults());
    assertThat(counted.players()).isEqualTo(22);
    assertThat(counted.computation()).isEqualTo(ShapleyResult.Computation.EXACT);
    assertThat(counted.values())
        .containsExactly(
            ShapleyModel.values(journeys, ShapleySettings.defaults().withMethod(Method.SIMPLIFIED))
                .values(),
            within(1e-12));
    ShapleySettings rate =
        ShapleySettings.defaults()
            .withValueFunction(ValueFunction.CONVERSION_RATE)
            .withSampling(500, 9);
    ShapleyResult sampled = ShapleyModel.values(journeys, rate);
    assertThat(sampled.computation()).isEqualTo(ShapleyResult.Computation.MONTE_CARLO);
    assertThat(sampled.permutations()).isEqualTo(500);
    // Hoeffding, range 2, n = 22, m = 500, δ = 0.05: 2·√(ln(880)/1000) ≈ 0.16468.
    assertThat(sampled.errorBound()).isCloseTo(0.16468, within(1e-5));
    double sum = 0;
    for (double value : sampled.values()) {
      sum += value;
    }
    // Every permutation's marginals telescope to v(N) − v(∅), so efficiency holds exactly.
    assertThat(sum).isCloseTo((double) journeys.conversionCount() / journeys.size(), within(1e-12));
    assertThat(ShapleyModel.values(journeys, rate).values())
        .containsExactly(sampled.values(), within(0.0));
  }
}
