package org.revtrace.core.reconcile;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The difference between two numbers of one campaign and period, and what explains it.
 *
 * <p>Invariant: the explained parts of the reasons plus {@code unexplained} equal {@code
 * |difference|}.
 *
 * @param kind which two numbers
 * @param reference the first number (the platform's, or for {@link GapKind#LEADS} the tracked
 *     leads)
 * @param observed the second number
 * @param difference {@code reference - observed}
 * @param ratio {@code observed / reference}, or null when the reference is 0
 * @param reasons the named causes in the order they were applied, each with what it explains
 * @param unexplained what no named cause explains (never negative)
 */
public record Gap(
    GapKind kind,
    BigDecimal reference,
    BigDecimal observed,
    BigDecimal difference,
    Double ratio,
    List<Reason> reasons,
    BigDecimal unexplained) {

  public Gap {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(observed, "observed");
    Objects.requireNonNull(difference, "difference");
    reasons = List.copyOf(reasons);
    Objects.requireNonNull(unexplained, "unexplained");
    BigDecimal explained =
        reasons.stream().map(Reason::explained).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (explained.add(unexplained).compareTo(difference.abs()) != 0) {
      throw new IllegalArgumentException(
          "explained " + explained + " + unexplained " + unexplained + " != |" + difference + "|");
    }
  }

  /** The sum of what the named reasons explain. */
  public BigDecimal explained() {
    return reasons.stream().map(Reason::explained).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The reason with {@code code}, or null when it played no part. */
  public Reason reason(ReasonCode code) {
    for (Reason reason : reasons) {
      if (reason.code() == code) {
        return reason;
      }
    }
    return null;
  }
}
