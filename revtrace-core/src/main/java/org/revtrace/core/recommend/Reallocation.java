package org.revtrace.core.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Moves monthly budget from the units whose next rouble returns least to those where it returns
 * most, until the marginals equalise or the bounds stop it (docs/definitions/recommendations.md,
 * "Reallocation").
 *
 * <p>Only units with a fitted curve and a current budget move; the others are frozen. Each unit may
 * end within {@code current ± floor(current × maxShift)}. Greedy water-filling: at each step the
 * unit with the highest marginal value R'(s) that may still grow receives {@code δ = min(total /
 * 1000, the rooms left)} minor units from the unit with the lowest marginal that may still shrink,
 * if that raises Σ R; the first step that would not ends the plan. Money moves in whole minor
 * units, so the total is unchanged to the kopeck, and every step raises the fitted value, so the
 * plan never lowers it. Under concave curves (exponent ≤ 1) this reaches equal marginals up to one
 * step, or a bound.
 */
public final class Reallocation {

  /** Steps per total budget: fine enough that the plan is within 0.1% of the budget. */
  static final int STEPS = 1000;

  private Reallocation() {}

  /** A unit taking part: its curve, its current monthly budget and its replicate curves. */
  record Unit(String key, ResponseCurve curve, long current, ResponseCurve[] replicates) {}

  /**
   * The plan for {@code units} (fitted, current budget positive) with the others {@code frozen}.
   *
   * @param totalBudget the monthly budget of every unit with cost (the ROMI change's base)
   */
  static ReallocationPlan plan(
      List<Unit> units, List<String> frozen, long totalBudget, RecommendSettings settings) {
    int n = units.size();
    long[] current = new long[n];
    long[] plan = new long[n];
    long[] lower = new long[n];
    long[] upper = new long[n];
    long budget = 0;
    for (int i = 0; i < n; i++) {
      current[i] = units.get(i).current();
      plan[i] = current[i];
      long room = (long) Math.floor(current[i] * settings.maxShift());
      lower[i] = current[i] - room;
      upper[i] = current[i] + room;
      budget = Math.addExact(budget, current[i]);
    }
    long step = Math.max(1, budget / STEPS);
    for (int guard = 0; guard < 10_000_000; guard++) {
      int receiver = -1;
      int giver = -1;
      for (int i = 0; i < n; i++) {
        double marginal = units.get(i).curve().marginal(plan[i]);
        if (plan[i] < upper[i]
            && (receiver < 0 || marginal > units.get(receiver).curve().marginal(plan[receiver]))) {
          receiver = i;
        }
        if (plan[i] > lower[i]
            && (giver < 0 || marginal < units.get(giver).curve().marginal(plan[giver]))) {
          giver = i;
        }
      }
      if (receiver < 0 || giver < 0 || receiver == giver) {
        break;
      }
      long delta =
          Math.min(step, Math.min(upper[receiver] - plan[receiver], plan[giver] - lower[giver]));
      ResponseCurve gaining = units.get(receiver).curve();
      ResponseCurve losing = units.get(giver).curve();
      double gain =
          gaining.value(plan[receiver] + delta)
              - gaining.value(plan[receiver])
              - (losing.value(plan[giver]) - losing.value(plan[giver] - delta));
      if (!(gain > 0)) {
        break;
      }
      plan[receiver] += delta;
      plan[giver] -= delta;
    }

    List<BudgetMove> moves = new ArrayList<>(n);
    double change = 0;
    long moved = 0;
    for (int i = 0; i < n; i++) {
      ResponseCurve curve = units.get(i).curve();
      double unitChange = curve.value(plan[i]) - curve.value(current[i]);
      change += unitChange;
      moved += Math.max(0, plan[i] - current[i]);
      moves.add(
          new BudgetMove(
              units.get(i).key(),
              current[i],
              plan[i],
              plan[i] - current[i],
              curve.marginal(current[i]) - 1,
              curve.marginal(plan[i]) - 1,
              Math.round(unitChange)));
    }

    int replicates = settings.replicates();
    double[] changes = new double[replicates];
    int gains = 0;
    for (int r = 0; r < replicates; r++) {
      for (int i = 0; i < n; i++) {
        ResponseCurve replicate = units.get(i).replicates()[r];
        changes[r] += replicate.value(plan[i]) - replicate.value(current[i]);
      }
      if (changes[r] > 0) {
        gains++;
      }
    }
    Arrays.sort(changes);
    double alpha = 1 - settings.confidence();
    double low = n == 0 ? 0 : CurveFitting.quantile(changes, alpha / 2);
    double high = n == 0 ? 0 : CurveFitting.quantile(changes, 1 - alpha / 2);
    boolean anyMove = moved > 0;
    return new ReallocationPlan(
        moves,
        frozen,
        budget,
        totalBudget,
        moved,
        Math.round(change),
        Math.round(low),
        Math.round(high),
        anyMove ? (double) gains / replicates : 0,
        totalBudget > 0 ? change / totalBudget : null,
        totalBudget > 0 ? low / totalBudget : null,
        totalBudget > 0 ? high / totalBudget : null,
        settings.confidence());
  }
}
