package org.revtrace.core.attribution.markov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class MarkovAttributionPropertiesTest {
  private static final int CHANNELS = 6;

  record Row(int[] path, long conversions, double value, long nulls) {}

  @Property(tries = 200)
  void creditSumsToTotals(
      @ForAll("rows") List<Row> rows,
      @ForAll @IntRange(min = 1, max = 4) int order,
      @ForAll boolean withNullPaths) {
    PathTable table = table(rows, identity());

    MarkovResult result = MarkovAttribution.compute(table, order, withNullPaths);

    if (table.totalConversions() == 0) {
      assertThat(result.status()).isEqualTo(MarkovResult.Status.NO_CONVERSIONS);
      assertThat(result.attributedConversions()).containsOnly(0);
      return;
    }
    assertThat(result.status()).isEqualTo(MarkovResult.Status.ATTRIBUTED);
    for (double share : result.shares()) {
      assertThat(share).isBetween(0.0, 1.0);
    }
    assertThat(sum(result.shares())).isCloseTo(1, within(1e-12));
    assertThat(sum(result.attributedConversions()))
        .isCloseTo(table.totalConversions(), within(1e-9 * table.totalConversions()));
    assertThat(sum(result.attributedValues()))
        .isCloseTo(table.totalConversionValue(), within(1e-9 * table.totalConversionValue()));
  }

  @Property(tries = 200)
  void relabellingChannelsPermutesTheResult(
      @ForAll("rows") List<Row> rows,
      @ForAll @IntRange(min = 1, max = 4) int order,
      @ForAll long seed) {
    List<Integer> permutation = identity();
    Collections.shuffle(permutation, new Random(seed));

    MarkovResult original = MarkovAttribution.compute(table(rows, identity()), order, true);
    MarkovResult relabelled = MarkovAttribution.compute(table(rows, permutation), order, true);

    for (String name : original.channelNames()) {
      assertThat(relabelled.removalEffect(name))
          .isCloseTo(original.removalEffect(name), within(1e-11));
      assertThat(relabelled.share(name)).isCloseTo(original.share(name), within(1e-11));
    }
    assertThat(relabelled.states()).isEqualTo(original.states());
  }

  @Property(tries = 200)
  void doublingEveryCountKeepsShares(
      @ForAll("rows") List<Row> rows, @ForAll @IntRange(min = 1, max = 4) int order) {
    List<Row> doubled = new ArrayList<>();
    for (Row row : rows) {
      doubled.add(new Row(row.path, row.conversions * 2, row.value * 2, row.nulls * 2));
    }

    MarkovResult once = MarkovAttribution.compute(table(rows, identity()), order, true);
    MarkovResult twice = MarkovAttribution.compute(table(doubled, identity()), order, true);

    assertThat(twice.shares()).containsExactly(once.shares(), within(1e-12));
    assertThat(twice.conversionProbability())
        .isCloseTo(once.conversionProbability(), within(1e-12));
  }

  /** Without null paths the chain holds converting journeys only, so absent channels get 0. */
  @Property(tries = 200)
  void channelOutsideConvertingPathsGetsNothingWithoutNullPaths(
      @ForAll("rows") List<Row> rows, @ForAll @IntRange(min = 1, max = 4) int order) {
    PathTable table = table(rows, identity());

    MarkovResult result = MarkovAttribution.compute(table, order, false);

    boolean[] converting = new boolean[CHANNELS];
    for (Row row : rows) {
      if (row.conversions > 0) {
        for (int channel : row.path) {
          converting[channel] = true;
        }
      }
    }
    for (int c = 0; c < CHANNELS; c++) {
      if (!converting[c]) {
        assertThat(result.shares()[c]).isZero();
        assertThat(result.removalEffects()[c]).isZero();
      }
    }
  }

  /**
   * With null paths a channel only gets nothing if none of its states can lead to a conversion, for
   * example when it only ever closes non-converting journeys (see the counter-example in {@link
   * MarkovAttributionTest}).
   */
  @Property(tries = 200)
  void channelThatOnlyEndsNonConvertingPathsGetsNothing(
      @ForAll("rows") List<Row> rows, @ForAll @IntRange(min = 1, max = 4) int order) {
    List<Row> withGhost = new ArrayList<>();
    for (Row row : rows) {
      if (row.conversions == 0) {
        int[] path = Arrays.copyOf(row.path, row.path.length + 1);
        path[row.path.length] = CHANNELS; // the ghost channel, only ever last
        withGhost.add(new Row(path, 0, 0, row.nulls));
      } else {
        withGhost.add(row);
      }
    }
    PathTable.Builder builder = PathTable.builder();
    for (int c = 0; c <= CHANNELS; c++) {
      builder.channelId("ch" + c);
    }
    withGhost.forEach(r -> builder.add(r.path, r.conversions, r.value, r.nulls));

    MarkovResult result = MarkovAttribution.compute(builder.build(), order, true);

    assertThat(result.removalEffect("ch" + CHANNELS)).isZero();
    assertThat(result.share("ch" + CHANNELS)).isZero();
  }

  /**
   * Registering unused channels changes no credit; 31 and 70 channels push the state keys out of
   * the dense edge array into the state-indexed array and the hashed map, so all three counting
   * layouts must agree.
   */
  @Property(tries = 50)
  void unusedChannelsChangeNothingWhateverTheCountingLayout(
      @ForAll("rows") List<Row> rows, @ForAll @IntRange(min = 1, max = 4) int order) {
    MarkovResult expected = MarkovAttribution.compute(table(rows, identity()), order, true);

    for (int channels : new int[] {31, 70}) {
      PathTable.Builder builder = PathTable.builder();
      for (int c = 0; c < channels; c++) {
        builder.channelId("ch" + c);
      }
      rows.forEach(r -> builder.add(r.path, r.conversions, r.value, r.nulls));

      MarkovResult actual = MarkovAttribution.compute(builder.build(), order, true);

      assertThat(actual.states()).isEqualTo(expected.states());
      assertThat(Arrays.copyOf(actual.shares(), CHANNELS))
          .containsExactly(expected.shares(), within(1e-12));
      assertThat(Arrays.copyOfRange(actual.shares(), CHANNELS, channels)).containsOnly(0);
    }
  }

  @Property(tries = 100)
  void gaussSeidelMatchesGaussianElimination(
      @ForAll("rows") List<Row> rows, @ForAll @IntRange(min = 1, max = 4) int order) {
    MarkovChain chain = MarkovChain.build(table(rows, identity()), order, true);
    boolean[] removed = new boolean[chain.states];
    for (int s = 1; s < chain.states; s++) {
      removed[s] = chain.contains(s, 0);
    }

    for (boolean[] mask : List.of(new boolean[chain.states], removed)) {
      double[] dense = new AbsorptionSolver(chain, true).solve(mask, new double[chain.states]);
      double[] sparse = new AbsorptionSolver(chain, false).solve(mask, new double[chain.states]);
      assertThat(sparse).containsExactly(dense, within(1e-12));
    }
  }

  @Provide
  Arbitrary<List<Row>> rows() {
    Arbitrary<int[]> path =
        Arbitraries.integers()
            .between(0, CHANNELS - 1)
            .array(int[].class)
            .ofMinSize(1)
            .ofMaxSize(8);
    Arbitrary<Row> row =
        Combinators.combine(
                path,
                Arbitraries.longs().between(0, 5),
                Arbitraries.integers().between(0, 100_000),
                Arbitraries.longs().between(0, 5))
            .as((p, conversions, cents, nulls) -> new Row(p, conversions, cents / 100.0, nulls));
    return row.list().ofMinSize(1).ofMaxSize(30);
  }

  private static List<Integer> identity() {
    List<Integer> ids = new ArrayList<>();
    for (int c = 0; c < CHANNELS; c++) {
      ids.add(c);
    }
    return ids;
  }

  /** Builds a table where original channel c gets id {@code permutation.get(c)}, same name. */
  private static PathTable table(List<Row> rows, List<Integer> permutation) {
    String[] names = new String[CHANNELS];
    for (int c = 0; c < CHANNELS; c++) {
      names[permutation.get(c)] = "ch" + c;
    }
    PathTable.Builder builder = PathTable.builder();
    for (String name : names) {
      builder.channelId(name);
    }
    for (Row row : rows) {
      int[] path = new int[row.path.length];
      for (int i = 0; i < path.length; i++) {
        path[i] = permutation.get(row.path[i]);
      }
      builder.add(path, row.conversions, row.value, row.nulls);
    }
    return builder.build();
  }

  private static double sum(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum;
  }
}
