package org.revtrace.core.model;

import java.time.Instant;
import java.util.Objects;

/** An opportunity in the CRM: created, moved through stages, and closed won or lost. */
public record Deal(
    String id,
    Instant createdAt,
    Money amount,
    String accountId,
    String contactId,
    String leadId,
    String stage,
    DealStatus status,
    Instant closedAt,
    String product) {

  public Deal {
    Text.requireId(id, "deal id");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(amount, "amount");
    if (amount.minor() < 0) {
      throw new IllegalArgumentException("deal amount must not be negative: " + amount);
    }
    accountId = Text.blankToNull(accountId);
    contactId = Text.blankToNull(contactId);
    leadId = Text.blankToNull(leadId);
    stage = Text.blankToNull(stage);
    status = status == null ? DealStatus.OPEN : status;
    product = Text.blankToNull(product);
  }
}
