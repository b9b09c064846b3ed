package org.revtrace.core.reconcile;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies reasons to a gap in order: each explains at most what is left, and only when its effect
 * points the way of the gap.
 */
final class GapBuilder {

  private final GapKind kind;
  private final BigDecimal reference;
  private final BigDecimal observed;
  private final List<Reason> reasons = new ArrayList<>();
  private BigDecimal remaining;

  GapBuilder(GapKind kind, BigDecimal reference, BigDecimal observed) {
    this.kind = kind;
    this.reference = reference;
    this.observed = observed;
    this.remaining = reference.subtract(observed);
  }

  /** What is left to explain, signed like the difference. */
  BigDecimal remaining() {
    return remaining;
  }

  /** Applies a cause with a signed effect; a zero effect is not listed. */
  void apply(ReasonCode code, BigDecimal effect, long affected, List<String> ids, String detail) {
    if (effect.signum() == 0) {
      return;
    }
    BigDecimal explained = BigDecimal.ZERO;
    if (remaining.signum() != 0 && effect.signum() == remaining.signum()) {
      explained = remaining.abs().min(effect.abs());
      remaining = remaining.subtract(effect.signum() > 0 ? explained : explained.negate());
    }
    reasons.add(new Reason(code, effect, explained, affected, ids, detail));
  }

  Gap build() {
    Double ratio =
        reference.signum() == 0
            ? null
            : observed.divide(reference, MathContext.DECIMAL64).doubleValue();
    return new Gap(
        kind, reference, observed, reference.subtract(observed), ratio, reasons, remaining.abs());
  }
}
