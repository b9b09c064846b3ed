package org.revtrace.core.recommend;

/** Whether a unit's response curve could be fitted, and if not, why. */
public enum FitStatus {
  /** Fitted: the unit may give or receive budget. */
  FITTED,
  /** Fewer months with cost than {@code minPoints}. */
  TOO_FEW_POINTS,
  /** Monthly cost varied less than {@code minSpendVariation}: the data cannot show a response. */
  NO_SPEND_VARIATION,
  /** No credited value in any month with cost: nothing to fit. */
  NO_VALUE
}
