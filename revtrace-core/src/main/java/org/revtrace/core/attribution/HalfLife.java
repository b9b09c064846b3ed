package org.revtrace.core.attribution;

import java.time.Duration;
import java.util.Arrays;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.model.DealStatus;

/** The default time-decay half-life, derived from the measured sales cycle. */
public final class HalfLife {

  /** The floor of the derived half-life: one week, the common industry default. */
  public static final Duration MINIMUM = Duration.ofDays(7);

  private HalfLife() {}

  /**
   * Half the median sales cycle (won deals, created → closed), but at least {@link #MINIMUM}; the
   * minimum when no won deal has a close date. With H = cycle / 2 a touch at the start of a typical
   * cycle weighs a quarter of the closing touch.
   */
  public static Duration fromSalesCycle(Dataset data) {
    byte won = (byte) DealStatus.WON.ordinal();
    long[] cycles = new long[data.dealCount()];
    int n = 0;
    for (int deal = 0; deal < data.dealCount(); deal++) {
      long closed = data.dealClosed()[deal];
      if (data.dealStatus()[deal] == won && closed != Dataset.NO_TIME) {
        cycles[n++] = Math.max(0, closed - data.dealCreated()[deal]);
      }
    }
    if (n == 0) {
      return MINIMUM;
    }
    Arrays.sort(cycles, 0, n);
    long median = n % 2 == 1 ? cycles[n / 2] : (cycles[n / 2 - 1] + cycles[n / 2]) / 2;
    Duration half = Duration.ofSeconds(median / 2);
    return half.compareTo(MINIMUM) < 0 ? MINIMUM : half;
  }
}
