package org.revtrace.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The bucket-then-time order equals a plain stable sort, for small and large buckets. */
class TimeOrderTest {

  @Property(tries = 200)
  void equalsAStableSortByBucketThenTimeThenRow(
      @ForAll @Size(max = 300) int[] rawBuckets,
      @ForAll @IntRange(min = 1, max = 5) int buckets,
      @ForAll long seed,
      @ForAll boolean hugeSpan) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    int n = rawBuckets.length;
    int[] bucketOf = new int[n];
    long[] time = new long[n];
    for (int i = 0; i < n; i++) {
      bucketOf[i] = Math.floorMod(rawBuckets[i], buckets);
      time[i] = hugeSpan ? random.nextLong() : 1_700_000_000L + random.nextInt(50);
    }
    int[] start = new int[buckets + 1];
    int[] order = TimeOrder.byBucketThenTime(bucketOf, buckets, time, start);
    int[] expected =
        IntStream.range(0, n)
            .boxed()
            .sorted(
                Comparator.<Integer>comparingInt(i -> bucketOf[i])
                    .thenComparingLong(i -> time[i])
                    .thenComparingInt(i -> i))
            .mapToInt(Integer::intValue)
            .toArray();
    assertThat(order).containsExactly(expected);
    for (int b = 0; b < buckets; b++) {
      final int bucket = b;
      assertThat(start[b + 1] - start[b])
          .isEqualTo((int) Arrays.stream(bucketOf).filter(x -> x == bucket).count());
    }
  }
}
