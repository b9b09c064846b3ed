package org.revtrace.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A request from a prospect (form, call, chat) as recorded by the CRM, with its qualification
 * milestones. Channel and UTM are the lead's own source fields; they stand in for a touch when the
 * lead has no touchpoints.
 */
public record Lead(
    String id,
    Instant createdAt,
    String contactId,
    String accountId,
    String visitorId,
    String email,
    String phone,
    String channel,
    Utm utm,
    Instant mqlAt,
    Instant sqlAt,
    Instant firstResponseAt) {

  public Lead {
    Text.requireId(id, "lead id");
    Objects.requireNonNull(createdAt, "createdAt");
    contactId = Text.blankToNull(contactId);
    accountId = Text.blankToNull(accountId);
    visitorId = Text.blankToNull(visitorId);
    email = Text.blankToNull(email);
    phone = Text.blankToNull(phone);
    channel = Text.blankToNull(channel);
    utm = utm == null ? Utm.NONE : utm;
  }
}
