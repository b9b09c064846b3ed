package org.revtrace.core.model;

import java.time.Instant;
import java.util.Objects;

/** A deal entering a pipeline stage at a moment. */
public record StageChange(String dealId, String stage, Instant enteredAt) {

  public StageChange {
    Text.requireId(dealId, "deal id");
    Text.requireId(stage, "stage");
    Objects.requireNonNull(enteredAt, "enteredAt");
  }
}
