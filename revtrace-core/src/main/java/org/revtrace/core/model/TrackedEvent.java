package org.revtrace.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One event sent by the web tracker ({@code tracker.js}): a page view or a form submit of a visitor
 * known by the first-party cookie the collector set.
 *
 * @param eventId the id the tracker made for the event (a UUID), so a resent event counts once
 * @param receivedAt when the collector received it (the server's clock: browsers' clocks drift)
 * @param visitorId the first-party visitor id from the collector's cookie
 * @param type {@link TouchType#VISIT} for page views, {@link TouchType#FORM} for form submits
 * @param url the page address, without its fragment
 * @param referrer the referring page, or null
 * @param utm UTM tags of the page address
 * @param clickId the ad click id in the address (gclid, yclid, fbclid), or null
 * @param clickIdKind which parameter {@code clickId} came from, or null
 */
public record TrackedEvent(
    String eventId,
    Instant receivedAt,
    String visitorId,
    TouchType type,
    String url,
    String referrer,
    Utm utm,
    String clickId,
    String clickIdKind) {

  public TrackedEvent {
    Text.requireId(eventId, "event id");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Text.requireId(visitorId, "visitor id");
    Objects.requireNonNull(type, "type");
    Text.requireId(url, "url");
    referrer = Text.blankToNull(referrer);
    utm = utm == null ? Utm.NONE : utm;
    clickId = Text.blankToNull(clickId);
    clickIdKind = clickId == null ? null : Text.blankToNull(clickIdKind);
  }
}
