package org.revtrace.ingest.calls;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.revtrace.core.model.Utm;

/**
 * One incoming call from a call-tracking log. The caller's number is never kept: only the salted
 * hashes a lead's phone may be stored under ({@link PhoneNumbers#keys}).
 *
 * @param id the call's id (the tracker's, or derived from time and number); unique per log
 * @param startedAt when the call started
 * @param phoneKeys hashes of the caller's number, the E.164 one first; empty when the log had no
 *     usable number
 * @param durationSeconds the call's duration (talk time where the tracker gives it)
 * @param answered false for a missed call
 * @param utm the source the tracker attributed the call to (dynamic number replacement), as written
 * @param trackingNumber the tracking (virtual) number that was called, or null
 * @param landingPage the page the caller saw, or null
 */
public record PhoneCall(
    String id,
    Instant startedAt,
    List<String> phoneKeys,
    long durationSeconds,
    boolean answered,
    Utm utm,
    String trackingNumber,
    String landingPage) {

  public PhoneCall {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(startedAt, "startedAt");
    phoneKeys = List.copyOf(phoneKeys);
    if (durationSeconds < 0) {
      throw new IllegalArgumentException("negative call duration: " + durationSeconds);
    }
    utm = utm == null ? Utm.NONE : utm;
  }

  /** True when the log had a usable caller number. */
  public boolean hasPhone() {
    return !phoneKeys.isEmpty();
  }
}
