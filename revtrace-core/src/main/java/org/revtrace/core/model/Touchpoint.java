package org.revtrace.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One interaction of a person with the company: an ad click, a visit, an e-mail, a webinar, a call.
 *
 * <p>At least one of visitor, contact or account identifies who touched; a touch with none of them
 * cannot join a journey and is rejected by the importer.
 */
public record Touchpoint(
    String id,
    Instant occurredAt,
    String channel,
    String visitorId,
    String contactId,
    String accountId,
    TouchType type,
    Utm utm,
    String landingPage,
    String referrer) {

  public Touchpoint {
    Text.requireId(id, "touchpoint id");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Text.requireId(channel, "channel");
    visitorId = Text.blankToNull(visitorId);
    contactId = Text.blankToNull(contactId);
    accountId = Text.blankToNull(accountId);
    type = type == null ? TouchType.OTHER : type;
    utm = utm == null ? Utm.NONE : utm;
    landingPage = Text.blankToNull(landingPage);
    referrer = Text.blankToNull(referrer);
  }
}
