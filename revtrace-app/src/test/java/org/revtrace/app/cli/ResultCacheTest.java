package org.revtrace.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResultCacheTest {

  @Test
  void concurrentRequestsForOneKeyComputeItOnce() throws Exception {
    ResultCache cache = new ResultCache(8);
    AtomicInteger computations = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<String>> answers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      answers.add(
          pool.submit(
              () ->
                  cache.get(
                      "report",
                      () -> {
                        computations.incrementAndGet();
                        await(release);
                        return "value";
                      })));
    }
    Thread.sleep(200);
    release.countDown();
    for (Future<String> answer : answers) {
      assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("value");
    }
    pool.shutdown();
    assertThat(computations).hasValue(1);
  }

  @Test
  void theLeastRecentlyUsedResultIsDroppedBeyondCapacity() {
    ResultCache cache = new ResultCache(2);
    AtomicInteger computations = new AtomicInteger();
    cache.get("a", computations::incrementAndGet);
    cache.get("b", computations::incrementAndGet);
    cache.get("a", computations::incrementAndGet); // a is now the most recent
    cache.get("c", computations::incrementAndGet); // drops b

    assertThat(cache.size()).isEqualTo(2);
    assertThat(computations).hasValue(3);
    cache.get("a", computations::incrementAndGet);
    assertThat(computations).hasValue(3);
    cache.get("b", computations::incrementAndGet);
    assertThat(computations).hasValue(4);
  }

  @Test
  void aFailureIsThrownToItsCallerAndNotKept() {
    ResultCache cache = new ResultCache(4);

    assertThatThrownBy(
            () ->
                cache.get(
                    "bad",
                    () -> {
                      throw new BadArgument("unknown model");
                    }))
        .isInstanceOf(BadArgument.class);
    assertThat(cache.size()).isZero();
    assertThat(cache.<String>get("bad", () -> "fine now")).isEqualTo("fine now");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
