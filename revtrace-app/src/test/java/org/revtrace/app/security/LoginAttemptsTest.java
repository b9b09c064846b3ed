package org.revtrace.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Failed logins block an address for the rest of a sliding minute. */
class LoginAttemptsTest {

  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2025-03-30T00:30:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void blocksAfterTheLimitUntilTheOldestFailureAgesOut() {
    ManualClock clock = new ManualClock();
    LoginAttempts attempts = new LoginAttempts(2, Duration.ofMinutes(1), clock);
    attempts.recordFailure("10.0.0.1");
    clock.now = clock.now.plusSeconds(30);
    assertThat(attempts.isBlocked("10.0.0.1")).isFalse();
    attempts.recordFailure("10.0.0.1");
    assertThat(attempts.isBlocked("10.0.0.1")).isTrue();
    assertThat(attempts.isBlocked("10.0.0.2")).isFalse();
    clock.now = clock.now.plusSeconds(30);
    assertThat(attempts.isBlocked("10.0.0.1")).isFalse();
  }
}
