package org.revtrace.core.model;

import java.time.LocalDate;
import java.util.Objects;

/** A non-media acquisition cost: salaries, agency fees, tools; optionally tied to a channel. */
public record Cost(LocalDate date, CostCategory category, Money amount, String channel) {

  public Cost {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(amount, "amount");
    channel = Text.blankToNull(channel);
  }
}
