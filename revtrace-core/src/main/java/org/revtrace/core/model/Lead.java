package org.revtrace.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A request from a prospect (form, call, chat) as recorded by the CRM, with its qualification
 * milestones. Channel and UTM are the lead's own source fields; they stand in for a touch when the
 * lead has no touchpoints. The click id is the ad click (gclid, yclid, fbclid) the lead came from,
 * when the form captured it; identity resolution matches it against touches' landing pages.
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
    Instant firstResponseAt,
    String clickId) {

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
    clickId = Text.blankToNull(clickId);
  }

  /** A lead without a click id. */
  public Lead(
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
    this(
        id,
        createdAt,
        contactId,
        accountId,
        visitorId,
        email,
        phone,
        channel,
        utm,
        mqlAt,
        sqlAt,
        firstResponseAt,
        null);
  }
}
