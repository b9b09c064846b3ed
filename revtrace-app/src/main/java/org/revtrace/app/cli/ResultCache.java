package org.revtrace.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Results computed from one immutable snapshot, kept by the request that produced them: the same
 * dashboard question asked again (by another user, or after a page reload) is answered from memory.
 * Requests for a result being computed wait for that computation instead of repeating it. The least
 * recently used results beyond {@code capacity} are dropped; a failed computation is not kept.
 */
final class ResultCache {

  private final int capacity;
  private final Map<Object, CompletableFuture<Object>> results;

  ResultCache(int capacity) {
    this.capacity = capacity;
    this.results =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Object, CompletableFuture<Object>> eldest) {
            return size() > ResultCache.this.capacity;
          }
        };
  }

  /** The result for {@code key}, computed by {@code compute} only if absent. */
  @SuppressWarnings("unchecked")
  <T> T get(Object key, Supplier<T> compute) {
    CompletableFuture<Object> mine = new CompletableFuture<>();
    CompletableFuture<Object> existing;
    synchronized (results) {
      existing = results.putIfAbsent(key, mine);
    }
    if (existing != null) {
      try {
        return (T) existing.join();
      } catch (CompletionException e) {
        throw unwrap(e);
      }
    }
    try {
      T value = compute.get();
      mine.complete(value);
      return value;
    } catch (RuntimeException | Error e) {
      synchronized (results) {
        results.remove(key, mine);
      }
      mine.completeExceptionally(e);
      throw e;
    }
  }

  /** How many results are kept. */
  int size() {
    synchronized (results) {
      return results.size();
    }
  }

  private static RuntimeException unwrap(CompletionException e) {
    if (e.getCause() instanceof RuntimeException runtime) {
      return runtime;
    }
    if (e.getCause() instanceof Error error) {
      throw error;
    }
    return e;
  }
}
