package org.revtrace.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.revtrace.core.attribution.ShapleySettings.ValueFunction;
import org.revtrace.core.journey.Journeys;

/** Shapley invariants on random games: efficiency, sampling within its bound. */
class ShapleyProperties {

  private static final String[] CHANNELS = {"a", "b", "c", "d", "e", "f"};

  record Group(List<Integer> channels, int times, boolean converts) {}

  @Provide
  Arbitrary<List<Group>> groups() {
    return Combinators.combine(
            Arbitraries.integers().between(0, CHANNELS.length - 1).list().ofMinSize(1).ofMaxSize(4),
            Arbitraries.integers().between(1, 3),
            Arbitraries.of(true, true, false))
        .as(Group::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(12);
  }

  private static Journeys journeys(List<Group> groups) {
    ToyJourneys toy = new ToyJourneys();
    for (Group group : groups) {
      StringBuilder path = new StringBuilder();
      for (int channel : group.channels()) {
        path.append(path.length() == 0 ? "" : ">").append(CHANNELS[channel]);
      }
      toy.add(path.toString(), group.times(), group.converts());
    }
    return toy.build();
  }

  @Property(tries = 60)
  void valuesAddUpToTheGrandCoalition(
      @ForAll("groups") List<Group> groups, @ForAll ValueFunction function) {
    Journeys journeys = journeys(groups);
    ShapleyResult result =
        ShapleyModel.values(journeys, ShapleySettings.defaults().withValueFunction(function));
    double sum = 0;
    for (double value : result.values()) {
      sum += value;
    }
    double conversions = journeys.conversionCount();
    double expected =
        function == ValueFunction.CONVERSIONS ? conversions : conversions / journeys.size();
    assertThat(sum).isCloseTo(expected, within(1e-9));
  }

  @Property(tries = 40)
  void monteCarloStaysWithinItsHoeffdingBound(
      @ForAll("groups") List<Group> groups, @ForAll ValueFunction function) {
    Journeys journeys = journeys(groups);
    Coalitions game = Coalitions.of(journeys, function == ValueFunction.CONVERSION_RATE);
    double[] exact = ShapleyValues.exact(game, function).phi();
    ShapleyValues.Values sampled = ShapleyValues.monteCarlo(game, function, 1_000, 42);
    assertThat(sampled.phi()).containsExactly(exact, within(sampled.errorBound()));
    assertThat(ShapleyValues.monteCarlo(game, function, 1_000, 42).phi())
        .containsExactly(sampled.phi(), within(0.0));
  }
}
