package org.revtrace.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Failed logins per client address in a sliding window: once an address has {@code limit} failures
 * within the window, further attempts are refused until the oldest one ages out.
 */
final class LoginAttempts {

  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new HashMap<>();

  LoginAttempts(int limit, Duration window, Clock clock) {
    if (limit < 1) {
      throw new IllegalArgumentException("login failure limit must be positive: " + limit);
    }
    this.limit = limit;
    this.window = window;
    this.clock = clock;
  }

  /** Records a failed login from {@code address}. */
  synchronized void recordFailure(String address) {
    Deque<Instant> times = failures.computeIfAbsent(address, key -> new ArrayDeque<>());
    forgetOld(times);
    times.addLast(clock.instant());
    failures.values().removeIf(Deque::isEmpty);
  }

  /** Whether {@code address} has used up its failures in the current window. */
  synchronized boolean isBlocked(String address) {
    Deque<Instant> times = failures.get(address);
    if (times == null) {
      return false;
    }
    forgetOld(times);
    return times.size() >= limit;
  }

  private void forgetOld(Deque<Instant> times) {
    Instant oldest = clock.instant().minus(window);
    while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
      times.removeFirst();
    }
  }
}
