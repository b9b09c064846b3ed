package org.revtrace.core.funnel;

import java.time.Duration;
import java.util.Arrays;

/**
 * Order statistics of a sample of durations.
 *
 * <p>Quantiles are exact order statistics with linear interpolation between the two closest ranks
 * (Hyndman &amp; Fan type 7, the default of R and NumPy): for sorted values {@code x[0..n-1]} the
 * q-quantile is {@code x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋])} with {@code h = (n − 1)q}, rounded to
 * the nearest second. So the median of an even sample is the midpoint of its two middle values, and
 * P90 of {1..10 days} is 9.1 days.
 *
 * @param count sample size
 * @param median the 0.5-quantile; null when the sample is empty
 * @param p90 the 0.9-quantile; null when the sample is empty
 * @param mean the arithmetic mean, rounded to the second; null when the sample is empty
 */
public record DurationStats(long count, Duration median, Duration p90, Duration mean) {

  public static final DurationStats EMPTY = new DurationStats(0, null, null, null);

  public DurationStats {
    if (count < 0) {
      throw new IllegalArgumentException("negative count: " + count);
    }
    if ((count == 0) != (median == null)) {
      throw new IllegalArgumentException("median must be given exactly when count > 0");
    }
  }

  /** Statistics of {@code seconds[0 .. count-1]}; sorts that range in place. */
  public static DurationStats ofSeconds(long[] seconds, int count) {
    if (count == 0) {
      return EMPTY;
    }
    Arrays.sort(seconds, 0, count);
    double sum = 0;
    for (int i = 0; i < count; i++) {
      sum += seconds[i];
    }
    return new DurationStats(
        count,
        Duration.ofSeconds(quantile(seconds, count, 0.5)),
        Duration.ofSeconds(quantile(seconds, count, 0.9)),
        Duration.ofSeconds(Math.round(sum / count)));
  }

  /** The type-7 q-quantile of the sorted values {@code sorted[0 .. count-1]}, in seconds. */
  public static long quantile(long[] sorted, int count, double q) {
    if (count == 0) {
      throw new IllegalArgumentException("quantile of an empty sample");
    }
    double h = (count - 1) * q;
    int low = (int) Math.floor(h);
    int high = Math.min(low + 1, count - 1);
    double value = sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    return Math.round(value);
  }

  /** The median in days (fractional), or NaN when empty: convenient for printing. */
  public double medianDays() {
    return median == null ? Double.NaN : median.getSeconds() / 86_400.0;
  }

  /** P90 in days (fractional), or NaN when empty. */
  public double p90Days() {
    return p90 == null ? Double.NaN : p90.getSeconds() / 86_400.0;
  }
}
