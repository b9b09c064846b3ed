package org.revtrace.app.collect;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client address: {@code perSecond} events a second on average, bursts up to
 * {@code burst}. Buckets idle for a minute are forgotten so the map stays small.
 */
final class ClientLimits {

  private static final long NANOS = 1_000_000_000L;

  private static final class Bucket {
    double tokens;
    long refilledAt;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.refilledAt = now;
    }
  }

  private final double perSecond;
  private final double burst;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
  private long sweptAt;

  ClientLimits(double perSecond, double burst) {
    this.perSecond = perSecond;
    this.burst = burst;
  }

  /** Takes one token for {@code client} at {@code nanoTime}; false when its bucket is empty. */
  boolean allow(String client, long nanoTime) {
    sweep(nanoTime);
    Bucket bucket = buckets.computeIfAbsent(client, key -> new Bucket(burst, nanoTime));
    synchronized (bucket) {
      double refill = (nanoTime - bucket.refilledAt) * perSecond / NANOS;
      bucket.tokens = Math.min(burst, bucket.tokens + refill);
      bucket.refilledAt = nanoTime;
      if (bucket.tokens < 1) {
        return false;
      }
      bucket.tokens -= 1;
      return true;
    }
  }

  private void sweep(long nanoTime) {
    if (nanoTime - sweptAt < 60 * NANOS) {
      return;
    }
    sweptAt = nanoTime;
    buckets.entrySet().removeIf(entry -> nanoTime - entry.getValue().refilledAt > 60 * NANOS);
  }
}
