package org.revtrace.core.reconcile;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One named cause of a gap and how much of it the cause explains.
 *
 * @param code the cause
 * @param effect how much the cause adds to the gap ({@code reference - observed}), signed: a
 *     positive effect makes the reference larger than the observed number
 * @param explained the part of the gap the cause explains: {@code min(|effect|, what the earlier
 *     reasons left)} when the effect points the way of the gap, else 0 (the cause is real but does
 *     not explain this gap, e.g. a restatement that narrowed it)
 * @param affected how many records the cause concerns (arrivals, leads, restated spend rows)
 * @param examples the first ids of those records (at most ten), for looking them up
 * @param detail one English sentence with the numbers
 */
public record Reason(
    ReasonCode code,
    BigDecimal effect,
    BigDecimal explained,
    long affected,
    List<String> examples,
    String detail) {

  /** Ids listed per reason. */
  public static final int EXAMPLES = 10;

  public Reason {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(explained, "explained");
    if (explained.signum() < 0 || explained.compareTo(effect.abs()) > 0) {
      throw new IllegalArgumentException(
          "explained must be within 0.." + effect.abs() + ": " + explained);
    }
    examples = List.copyOf(examples.subList(0, Math.min(EXAMPLES, examples.size())));
    Objects.requireNonNull(detail, "detail");
  }
}
