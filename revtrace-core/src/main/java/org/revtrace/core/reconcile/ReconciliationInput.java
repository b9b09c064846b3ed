package org.revtrace.core.reconcile;

import java.util.List;
import java.util.Objects;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.Spend;

/**
 * What reconciliation reads.
 *
 * @param data the canonical rows after normalisation (UTM clean-up and channel grouping), so a
 *     campaign is spelt alike in spend, touchpoints and leads
 * @param firstVersions the first stored version of every spend row that a later batch replaced (the
 *     store keeps them, {@code JdbcSpendVersions}), normalised alike; empty when unknown
 * @param versionsKnown true when {@code firstVersions} came from a store that keeps versions, so an
 *     empty list means "nothing was restated" rather than "cannot tell" (files alone)
 */
public record ReconciliationInput(
    CanonicalData data, List<Spend> firstVersions, boolean versionsKnown) {

  public ReconciliationInput {
    Objects.requireNonNull(data, "data");
    firstVersions = List.copyOf(firstVersions);
    if (!versionsKnown && !firstVersions.isEmpty()) {
      throw new IllegalArgumentException("first versions given but versionsKnown is false");
    }
  }

  /** Rows read from files: restatements cannot be told. */
  public static ReconciliationInput ofFiles(CanonicalData data) {
    return new ReconciliationInput(data, List.of(), false);
  }
}
