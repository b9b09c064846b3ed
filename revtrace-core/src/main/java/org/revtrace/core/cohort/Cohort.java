package org.revtrace.core.cohort;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * One row of a cohort triangle: the customers of one channel acquired in one period, and what they
 * did in each period since (age 0 = the acquisition period).
 *
 * <p>At age {@code k}: {@link #active(int)} customers bought at least once (at age 0: every
 * customer acquired), making {@link #purchases(int)} purchases (purchase days: several payments of
 * a customer on one day count once), of which {@link #repeatPurchases(int)} came after the
 * customer's first purchase day, for {@link #revenue(int)} (every payment, the first included).
 * Ages run up to the period of the observation end, which may be partial.
 */
public final class Cohort {

  private final String channel;
  private final LocalDate start;
  private final int size;
  private final int[] active;
  private final int[] purchases;
  private final int[] repeatPurchases;
  private final double[] revenue;

  /**
   * A cohort row; arrays are indexed by age and copied.
   *
   * @throws IllegalArgumentException when array lengths differ or a count exceeds what is possible
   */
  public Cohort(
      String channel,
      LocalDate start,
      int size,
      int[] active,
      int[] purchases,
      int[] repeatPurchases,
      double[] revenue) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.start = Objects.requireNonNull(start, "start");
    int ages = active.length;
    if (purchases.length != ages || repeatPurchases.length != ages || revenue.length != ages) {
      throw new IllegalArgumentException("age columns differ in length for cohort " + start);
    }
    for (int k = 0; k < ages; k++) {
      if (active[k] < 0 || active[k] > size || repeatPurchases[k] > purchases[k]) {
        throw new IllegalArgumentException(
            "cohort " + channel + " " + start + " age " + k + ": inconsistent counts");
      }
    }
    this.size = size;
    this.active = active.clone();
    this.purchases = purchases.clone();
    this.repeatPurchases = repeatPurchases.clone();
    this.revenue = revenue.clone();
  }

  public String channel() {
    return channel;
  }

  /** First day of the acquisition period. */
  public LocalDate start() {
    return start;
  }

  /** Customers acquired: those whose first purchase fell in the period. */
  public int size() {
    return size;
  }

  /** Number of observed ages (0 .. ages()-1). */
  public int ages() {
    return active.length;
  }

  public int active(int age) {
    return active[age];
  }

  /** Active customers at {@code age} as a share of the cohort (1 at age 0). */
  public double retention(int age) {
    return size == 0 ? 0 : (double) active[age] / size;
  }

  public int purchases(int age) {
    return purchases[age];
  }

  public int repeatPurchases(int age) {
    return repeatPurchases[age];
  }

  public double revenue(int age) {
    return revenue[age];
  }

  /** Revenue up to and including {@code age}. */
  public double cumulativeRevenue(int age) {
    double sum = 0;
    for (int k = 0; k <= age; k++) {
      sum += revenue[k];
    }
    return sum;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cohort that
        && channel.equals(that.channel)
        && start.equals(that.start)
        && size == that.size
        && Arrays.equals(active, that.active)
        && Arrays.equals(purchases, that.purchases)
        && Arrays.equals(repeatPurchases, that.repeatPurchases)
        && Arrays.equals(revenue, that.revenue);
  }

  @Override
  public int hashCode() {
    return Objects.hash(channel, start, size, Arrays.hashCode(active));
  }

  @Override
  public String toString() {
    return "Cohort["
        + channel
        + " "
        + start
        + " size="
        + size
        + " active="
        + Arrays.toString(active)
        + "]";
  }
}
