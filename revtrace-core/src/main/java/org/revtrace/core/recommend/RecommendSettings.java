package org.revtrace.core.recommend;

import java.time.Instant;
import java.util.Objects;

/**
 * The thresholds of the rating and the bounds of the budget reallocation; every default is argued
 * in docs/definitions/recommendations.md.
 *
 * @param level rate and reallocate channels or campaigns
 * @param asOf the instant open deals are valued at (their stage's win probability then)
 * @param targetRomi SCALE needs ROMI at least this (1.0: revenue twice the marketing cost)
 * @param minLtvToCac SCALE needs LTV:CAC at least this (3, seed 003)
 * @param cutRomi CUT needs the upper bound of ROMI and the pipeline-weighted ROMI below this (0)
 * @param cutLtvToCac CUT needs LTV:CAC below this, or none (1: lifetime revenue does not even cover
 *     the acquisition cost)
 * @param minCustomers a unit is rated only when it has this many customers, or enough leads to
 *     expect this many at the average lead→customer rate (5)
 * @param confidence confidence of the bootstrap intervals (0.9)
 * @param replicates bootstrap resamples (200)
 * @param seed seed of the resamples
 * @param maxShift the largest share of a unit's current budget it may gain or lose (0.3)
 * @param minPoints months with cost a response curve needs (6)
 * @param minSpendVariation coefficient of variation of monthly cost a curve needs (0.1)
 * @param currentMonths the current monthly budget is the mean cost of this many last months (3)
 */
public record RecommendSettings(
    UnitLevel level,
    Instant asOf,
    double targetRomi,
    double minLtvToCac,
    double cutRomi,
    double cutLtvToCac,
    int minCustomers,
    double confidence,
    int replicates,
    long seed,
    double maxShift,
    int minPoints,
    double minSpendVariation,
    int currentMonths) {

  public static final double DEFAULT_TARGET_ROMI = 1.0;
  public static final double DEFAULT_MIN_LTV_TO_CAC = 3.0;
  public static final double DEFAULT_CUT_ROMI = 0.0;
  public static final double DEFAULT_CUT_LTV_TO_CAC = 1.0;
  public static final int DEFAULT_MIN_CUSTOMERS = 5;
  public static final double DEFAULT_CONFIDENCE = 0.9;
  public static final int DEFAULT_REPLICATES = 200;
  public static final double DEFAULT_MAX_SHIFT = 0.3;
  public static final int DEFAULT_MIN_POINTS = 6;
  public static final double DEFAULT_MIN_SPEND_VARIATION = 0.1;
  public static final int DEFAULT_CURRENT_MONTHS = 3;

  public RecommendSettings {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(asOf, "asOf");
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be between 0 and 1: " + confidence);
    }
    if (replicates < 2) {
      throw new IllegalArgumentException("need at least 2 replicates: " + replicates);
    }
    if (!(maxShift >= 0 && maxShift <= 1)) {
      throw new IllegalArgumentException("maxShift must be between 0 and 1: " + maxShift);
    }
    if (minCustomers < 1) {
      throw new IllegalArgumentException("minCustomers must be positive: " + minCustomers);
    }
    if (minPoints < 3) {
      throw new IllegalArgumentException("a curve of two parameters needs 3 points: " + minPoints);
    }
    if (!(minSpendVariation >= 0)) {
      throw new IllegalArgumentException("minSpendVariation must not be negative");
    }
    if (currentMonths < 1) {
      throw new IllegalArgumentException("currentMonths must be positive: " + currentMonths);
    }
    if (!Double.isFinite(targetRomi)
        || !Double.isFinite(cutRomi)
        || !Double.isFinite(minLtvToCac)
        || !Double.isFinite(cutLtvToCac)) {
      throw new IllegalArgumentException("thresholds must be finite numbers");
    }
  }

  /** The documented defaults, channels, as of {@code asOf}, seed 1. */
  public static RecommendSettings defaults(Instant asOf) {
    return new RecommendSettings(
        UnitLevel.CHANNEL,
        asOf,
        DEFAULT_TARGET_ROMI,
        DEFAULT_MIN_LTV_TO_CAC,
        DEFAULT_CUT_ROMI,
        DEFAULT_CUT_LTV_TO_CAC,
        DEFAULT_MIN_CUSTOMERS,
        DEFAULT_CONFIDENCE,
        DEFAULT_REPLICATES,
        1L,
        DEFAULT_MAX_SHIFT,
        DEFAULT_MIN_POINTS,
        DEFAULT_MIN_SPEND_VARIATION,
        DEFAULT_CURRENT_MONTHS);
  }

  public RecommendSettings withLevel(UnitLevel value) {
    return new RecommendSettings(
        value,
        asOf,
        targetRomi,
        minLtvToCac,
        cutRomi,
        cutLtvToCac,
        minCustomers,
        confidence,
        replicates,
        seed,
        maxShift,
        minPoints,
        minSpendVariation,
        currentMonths);
  }

  public RecommendSettings withThresholds(
      double newTargetRomi, double newMinLtvToCac, double newCutRomi, int newMinCustomers) {
    return new RecommendSettings(
        level,
        asOf,
        newTargetRomi,
        newMinLtvToCac,
        newCutRomi,
        cutLtvToCac,
        newMinCustomers,
        confidence,
        replicates,
        seed,
        maxShift,
        minPoints,
        minSpendVariation,
        currentMonths);
  }

  public RecommendSettings withMaxShift(double value) {
    return new RecommendSettings(
        level,
        asOf,
        targetRomi,
        minLtvToCac,
        cutRomi,
        cutLtvToCac,
        minCustomers,
        confidence,
        replicates,
        seed,
        value,
        minPoints,
        minSpendVariation,
        currentMonths);
  }

  public RecommendSettings withBootstrap(int newReplicates, double newConfidence, long newSeed) {
    return new RecommendSettings(
        level,
        asOf,
        targetRomi,
        minLtvToCac,
        cutRomi,
        cutLtvToCac,
        minCustomers,
        newConfidence,
        newReplicates,
        newSeed,
        maxShift,
        minPoints,
        minSpendVariation,
        currentMonths);
  }
}
