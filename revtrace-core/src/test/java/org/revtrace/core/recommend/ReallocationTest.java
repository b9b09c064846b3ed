package org.revtrace.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** Worked example and invariants of the budget reallocation. */
class ReallocationTest {

  private static final RecommendSettings SETTINGS =
      RecommendSettings.defaults(Instant.parse("2025-07-01T00:00:00Z"));

  @Test
  void moneyMovesFromLowToHighMarginalUntilTheyMeetOrABoundStops() {
    // Both at 1,000,000 a month, elasticity 0.5. A: R(1 M) = 3 M, marginal 0.5 × 3 = 1.5;
    // B: R(1 M) = 1 M, marginal 0.5. Equal marginals need s_A / s_B = 9, far beyond ±30%, so A
    // ends at 1.3 M and B at 0.7 M.
    Reallocation.Unit a = unit("a", new ResponseCurve(1_000_000, 3_000_000, 0.5), 1_000_000);
    Reallocation.Unit b = unit("b", new ResponseCurve(1_000_000, 1_000_000, 0.5), 1_000_000);
    ReallocationPlan plan = Reallocation.plan(List.of(a, b), List.of("c"), 2_500_000, SETTINGS);
    assertThat(plan.moves())
        .extracting(BudgetMove::proposedBudget)
        .containsExactly(1_300_000L, 700_000L);
    assertThat(plan.moved()).isEqualTo(300_000);
    assertThat(plan.frozen()).containsExactly("c");
    double expected =
        3_000_000 * (Math.sqrt(1.3) - 1) + 1_000_000 * (Math.sqrt(0.7) - 1); // +257,680
    assertThat(plan.expectedValueChange()).isCloseTo(Math.round(expected), within(1L));
    assertThat(plan.romiChange()).isCloseTo(expected / 2_500_000, within(1e-9));
    assertThat(plan.moves().get(0).marginalRomiBefore()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void marginalsEqualiseWhenTheBoundsAllowIt() {
    // A: marginal 0.5 × 1.2 M / 1 M = 0.6; B: 0.5 × 1 M / 1 M = 0.5. Equal marginals need s_A / s_B
    // =
    // 1.44 with s_A + s_B = 2 M: 1,180,328 and 819,672, inside ±30%.
    Reallocation.Unit a = unit("a", new ResponseCurve(1_000_000, 1_200_000, 0.5), 1_000_000);
    Reallocation.Unit b = unit("b", new ResponseCurve(1_000_000, 1_000_000, 0.5), 1_000_000);
    ReallocationPlan plan = Reallocation.plan(List.of(a, b), List.of(), 2_000_000, SETTINGS);
    assertThat(plan.moves().get(0).proposedBudget()).isCloseTo(1_180_328L, within(2_000L));
    assertThat(plan.moves().get(0).marginalRomiAfter())
        .isCloseTo(plan.moves().get(1).marginalRomiAfter(), within(0.002));
  }

  @Test
  void equalMarginalsMoveNothing() {
    Reallocation.Unit a = unit("a", new ResponseCurve(1_000, 2_000, 0.5), 1_000);
    Reallocation.Unit b = unit("b", new ResponseCurve(1_000, 2_000, 0.5), 1_000);
    ReallocationPlan plan = Reallocation.plan(List.of(a, b), List.of(), 2_000, SETTINGS);
    assertThat(plan.moved()).isZero();
    assertThat(plan.expectedValueChange()).isZero();
    assertThat(plan.probabilityOfGain()).isZero();
  }

  @Property(tries = 200)
  void budgetIsKeptToTheKopeckMovesStayInBoundsAndValueNeverFalls(
      @ForAll("units") List<Reallocation.Unit> units,
      @ForAll @DoubleRange(min = 0, max = 1) double maxShift) {
    RecommendSettings settings = SETTINGS.withMaxShift(maxShift);
    ReallocationPlan plan = Reallocation.plan(units, List.of(), 1, settings);
    long before = 0;
    long after = 0;
    double valueBefore = 0;
    double valueAfter = 0;
    for (int i = 0; i < units.size(); i++) {
      Reallocation.Unit unit = units.get(i);
      BudgetMove move = plan.moves().get(i);
      before += unit.current();
      after += move.proposedBudget();
      long room = (long) Math.floor(unit.current() * maxShift);
      assertThat(move.proposedBudget()).isBetween(unit.current() - room, unit.current() + room);
      valueBefore += unit.curve().value(unit.current());
      valueAfter += unit.curve().value(move.proposedBudget());
    }
    assertThat(after).isEqualTo(before);
    assertThat(valueAfter).isGreaterThanOrEqualTo(valueBefore - 1e-6 * Math.abs(valueBefore));
    assertThat(plan.expectedValueChange()).isGreaterThanOrEqualTo(0);
    assertThat(Reallocation.plan(units, List.of(), 1, settings)).isEqualTo(plan);
  }

  @Provide
  Arbitrary<List<Reallocation.Unit>> units() {
    Arbitrary<Reallocation.Unit> unit =
        Combinators.combine(
                Arbitraries.longs().between(1, 50_000_000_00L),
                Arbitraries.doubles().between(0, 1e10),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.strings().alpha().ofLength(4))
            .as(
                (current, level, exponent, key) ->
                    unit(key, new ResponseCurve(current, level, exponent), current));
    return unit.list().ofMinSize(1).ofMaxSize(8);
  }

  private static Reallocation.Unit unit(String key, ResponseCurve curve, long current) {
    ResponseCurve[] replicates = new ResponseCurve[SETTINGS.replicates()];
    java.util.Arrays.fill(replicates, curve);
    return new Reallocation.Unit(key, curve, current, replicates);
  }
}
