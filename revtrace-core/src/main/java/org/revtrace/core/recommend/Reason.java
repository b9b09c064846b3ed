package org.revtrace.core.recommend;

import java.util.Objects;

/**
 * One reason behind a verdict: a stable code (for translations and filters) and the sentence with
 * its numbers.
 */
public record Reason(Code code, String text) {

  /** The reasons a rule can give. */
  public enum Code {
    NO_COST,
    TOO_FEW_CUSTOMERS,
    ROMI_AT_TARGET,
    ROMI_BELOW_TARGET,
    ROMI_CONFIDENT,
    ROMI_NOT_CONFIDENT,
    LTV_TO_CAC_HEALTHY,
    LTV_TO_CAC_LOW,
    LOSING_AT_UPPER_BOUND,
    PIPELINE_WEAK,
    PIPELINE_PAYS_BACK,
    LIFETIME_COVERS_COST,
    CONVERSION_BELOW_AVERAGE
  }

  public Reason {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(text, "text");
  }
}
