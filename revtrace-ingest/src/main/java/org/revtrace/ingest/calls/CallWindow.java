package org.revtrace.ingest.calls;

import java.time.Duration;
import java.util.Objects;

/**
 * Which leads a call may be matched to: those created from {@code before} before the call to {@code
 * after} after it, both ends included.
 *
 * @param after how long after a call its lead may be created (the CRM records the request later)
 * @param before how long before the call a lead may be created (CRM and telephony clocks differ,
 *     and a manager may create the lead while still on the phone)
 */
public record CallWindow(Duration after, Duration before) {

  public CallWindow {
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(before, "before");
    if (after.isNegative() || before.isNegative()) {
      throw new IllegalArgumentException("a call window is not negative: " + after + ", " + before);
    }
  }

  /** 30 days after the call, 10 minutes before it. */
  public static CallWindow defaults() {
    return new CallWindow(Duration.ofDays(30), Duration.ofMinutes(10));
  }
}
