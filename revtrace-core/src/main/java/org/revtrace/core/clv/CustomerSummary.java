package org.revtrace.core.clv;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Objects;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.dataset.Purchases;

/**
 * Recency-frequency-monetary summary of a customer base over a calibration period, one column per
 * quantity, as the BG/NBD, Pareto/NBD and Gamma-Gamma models read it.
 *
 * <p>For customer {@code i}: {@code x} = repeat purchases (purchase days after the first), {@code
 * t_x} = time from the first to the last purchase, {@code T} = time from the first purchase to the
 * end of calibration, {@code monetary} = mean value of the repeat purchases (0 when {@code x = 0}),
 * all times in {@link #scale()} units. Purchases on the same day are merged into one (their amounts
 * summed), as Fader, Hardie &amp; Lee (2005) do for CDNOW. Arrays are exposed without copying:
 * callers must treat them as read-only.
 */
public final class CustomerSummary {

  private final TimeScale scale;
  private final int[] customer;
  private final int[] x;
  private final double[] recency;
  private final double[] age;
  private final double[] monetary;

  private CustomerSummary(
      TimeScale scale, int[] customer, int[] x, double[] recency, double[] age, double[] monetary) {
    this.scale = scale;
    this.customer = customer;
    this.x = x;
    this.recency = recency;
    this.age = age;
    this.monetary = monetary;
  }

  /**
   * A summary from given columns (customer {@code i} is row {@code i}).
   *
   * @throws IllegalArgumentException when lengths differ, {@code x < 0}, {@code t_x} is outside
   *     {@code [0, T]}, {@code t_x > 0} with {@code x = 0}, or a value is not finite
   */
  public static CustomerSummary of(
      TimeScale scale, int[] x, double[] recency, double[] age, double[] monetary) {
    Objects.requireNonNull(scale, "scale");
    int n = x.length;
    if (recency.length != n || age.length != n || monetary.length != n) {
      throw new IllegalArgumentException("column lengths differ");
    }
    for (int i = 0; i < n; i++) {
      boolean valid =
          x[i] >= 0
              && Double.isFinite(recency[i])
              && Double.isFinite(age[i])
              && Double.isFinite(monetary[i])
              && recency[i] >= 0
              && recency[i] <= age[i]
              && (x[i] > 0 || recency[i] == 0);
      if (!valid) {
        throw new IllegalArgumentException(
            "customer row "
                + i
                + " invalid: x="
                + x[i]
                + " t_x="
                + recency[i]
                + " T="
                + age[i]
                + " monetary="
                + monetary[i]);
      }
    }
    int[] ids = new int[n];
    Arrays.setAll(ids, i -> i);
    return new CustomerSummary(
        scale, ids, x.clone(), recency.clone(), age.clone(), monetary.clone());
  }

  /**
   * Summarises the dataset's accounts as customers: their payments ({@link Purchases#ofPayments}:
   * calendar days in {@code zone}, major units of the reporting currency) on or before {@code
   * calibrationEnd}; row customers are account ids.
   */
  public static CustomerSummary of(
      Dataset dataset, ZoneId zone, LocalDate calibrationEnd, TimeScale scale) {
    return of(Purchases.ofPayments(dataset, zone), calibrationEnd, scale);
  }

  /**
   * Summarises purchases made on or before {@code calibrationEnd}: every customer with at least one
   * such purchase becomes a row (in customer order); {@code T} counts from the first purchase day
   * to {@code calibrationEnd}. Use {@link #customer()} to map rows back to customers.
   */
  public static CustomerSummary of(Purchases purchases, LocalDate calibrationEnd, TimeScale scale) {
    Objects.requireNonNull(scale, "scale");
    int end = (int) calibrationEnd.toEpochDay();
    int customers = purchases.customerCount();
    int[] start = new int[customers + 1];
    for (int c : purchases.customer()) {
      start[c + 1]++;
    }
    for (int c = 0; c < customers; c++) {
      start[c + 1] += start[c];
    }
    // counting sort by customer, then each customer's slice by day: (day, row) packed in a long
    long[] packed = new long[purchases.size()];
    int[] next = Arrays.copyOf(start, customers);
    for (int i = 0; i < purchases.size(); i++) {
      packed[next[purchases.customer()[i]]++] = ((long) purchases.day()[i] << 32) | i;
    }
    int kept = 0;
    for (int c = 0; c < customers; c++) {
      Arrays.sort(packed, start[c], start[c + 1]);
      if (start[c] < start[c + 1] && (int) (packed[start[c]] >> 32) <= end) {
        kept++;
      }
    }
    int[] ids = new int[kept];
    int[] x = new int[kept];
    double[] recency = new double[kept];
    double[] age = new double[kept];
    double[] monetary = new double[kept];
    double unit = scale.days();
    int row = 0;
    for (int c = 0; c < customers; c++) {
      if (start[c] == start[c + 1] || (int) (packed[start[c]] >> 32) > end) {
        continue;
      }
      int first = (int) (packed[start[c]] >> 32);
      int last = first;
      int repeats = 0;
      double repeatValue = 0;
      for (int k = start[c]; k < start[c + 1]; k++) {
        int day = (int) (packed[k] >> 32);
        if (day > end) {
          break;
        }
        double amount = purchases.amount()[(int) packed[k]];
        if (day != first) {
          if (day != last) {
            repeats++;
            last = day;
          }
          repeatValue += amount;
        }
      }
      ids[row] = c;
      x[row] = repeats;
      recency[row] = (last - first) / unit;
      age[row] = (end - first) / unit;
      monetary[row] = repeats == 0 ? 0 : repeatValue / repeats;
      row++;
    }
    return new CustomerSummary(scale, ids, x, recency, age, monetary);
  }

  /**
   * Every {@code step}-th row (rows 0, step, 2·step, …): a systematic subsample for warm starts.
   */
  CustomerSummary everyNth(int step) {
    int n = (size() + step - 1) / step;
    int[] ids = new int[n];
    int[] xs = new int[n];
    double[] r = new double[n];
    double[] a = new double[n];
    double[] m = new double[n];
    for (int k = 0; k < n; k++) {
      int i = k * step;
      ids[k] = customer[i];
      xs[k] = x[i];
      r[k] = recency[i];
      a[k] = age[i];
      m[k] = monetary[i];
    }
    return new CustomerSummary(scale, ids, xs, r, a, m);
  }

  public TimeScale scale() {
    return scale;
  }

  /** Number of customers (rows). */
  public int size() {
    return x.length;
  }

  /** Each row's customer index in the source ({@code 0..n-1} for {@code of(columns)}). */
  public int[] customer() {
    return customer;
  }

  /** Repeat purchases {@code x}. */
  public int[] frequency() {
    return x;
  }

  /** Time of the last purchase since the first, {@code t_x}. */
  public double[] recency() {
    return recency;
  }

  /** Time from the first purchase to the end of calibration, {@code T}. */
  public double[] age() {
    return age;
  }

  /** Mean value of repeat purchases ({@code zbar}); 0 when {@code x = 0}. */
  public double[] monetary() {
    return monetary;
  }
}
