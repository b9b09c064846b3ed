package org.revtrace.core.recommend;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Ratings, response curves and the budget reallocation of one period under one attribution model.
 *
 * @param currency the report currency; money in its minor units
 * @param model the attribution model's code
 * @param goal the report goal's code
 * @param from first day of the period, null for no bound
 * @param to last day of the period, null for no bound
 * @param settings the thresholds and bounds used
 * @param ratings every unit of the channel report, in key order
 * @param curves every unit with cost in the period, in key order
 * @param plan the reallocation of the monthly budget
 */
public record RecommendationReport(
    String currency,
    String model,
    String goal,
    LocalDate from,
    LocalDate to,
    RecommendSettings settings,
    List<Rating> ratings,
    List<CurveFit> curves,
    ReallocationPlan plan) {

  public RecommendationReport {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(plan, "plan");
    ratings = List.copyOf(ratings);
    curves = List.copyOf(curves);
  }
}
