package org.revtrace.core.model;

import java.time.Instant;
import java.util.Objects;

/** Money received from a customer, initial or repeat. */
public record Payment(String id, Instant paidAt, Money amount, String dealId, String accountId) {

  public Payment {
    Text.requireId(id, "payment id");
    Objects.requireNonNull(paidAt, "paidAt");
    Objects.requireNonNull(amount, "amount");
    dealId = Text.blankToNull(dealId);
    accountId = Text.blankToNull(accountId);
  }
}
