package org.revtrace.core.cohort;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.dataset.Dictionary;
import org.revtrace.core.dataset.Purchases;

/**
 * Acquisition cohorts: customers grouped by channel and the period of their first purchase, with
 * activity, purchases and revenue per period since (see {@link Cohort} for the definitions).
 */
public final class Cohorts {

  private Cohorts() {}

  /**
   * Cohorts of the dataset's accounts by their payments (days in {@code zone}, amounts in major
   * units of the reporting currency); {@code channelOfAccount} as in {@link #compute}.
   */
  public static CohortTable compute(
      Dataset dataset,
      ZoneId zone,
      CohortPeriod period,
      LocalDate observationEnd,
      int[] channelOfAccount,
      Dictionary channels) {
    return compute(
        Purchases.ofPayments(dataset, zone), period, observationEnd, channelOfAccount, channels);
  }

  /**
   * Cohorts of purchases made on or before {@code observationEnd}.
   *
   * @param channelOfCustomer each customer's acquisition channel (an id in {@code channels}, or -1:
   *     such customers form the {@value Dataset#UNATTRIBUTED} channel); null puts everyone in one
   *     channel named {@code (all)}
   * @param channels names of channel ids; null when {@code channelOfCustomer} is null
   */
  public static CohortTable compute(
      Purchases purchases,
      CohortPeriod period,
      LocalDate observationEnd,
      int[] channelOfCustomer,
      Dictionary channels) {
    Objects.requireNonNull(period, "period");
    int end = (int) observationEnd.toEpochDay();
    int customers = purchases.customerCount();
    int[] first = new int[customers];
    Arrays.fill(first, Integer.MAX_VALUE);
    int kept = 0;
    for (int i = 0; i < purchases.size(); i++) {
      int day = purchases.day()[i];
      if (day <= end) {
        int c = purchases.customer()[i];
        first[c] = Math.min(first[c], day);
        kept++;
      }
    }
    // rows ordered by customer then day: (customer, day offset) packed in a long
    int minDay = Integer.MAX_VALUE;
    for (int f : first) {
      minDay = Math.min(minDay, f);
    }
    long[] keys = new long[kept];
    Map<Long, Builder> cohorts = new HashMap<>();
    int endIndex = period.index(observationEnd);
    int k = 0;
    for (int i = 0; i < purchases.size(); i++) {
      int day = purchases.day()[i];
      if (day > end) {
        continue;
      }
      int c = purchases.customer()[i];
      keys[k++] = ((long) c << 32) | (day - minDay);
      Builder cohort = cohortOf(cohorts, c, first[c], period, endIndex, channelOfCustomer);
      cohort.revenue[age(period, first[c], day)] += purchases.amount()[i];
    }
    Arrays.sort(keys);
    int previousCustomer = -1;
    int previousDay = Integer.MIN_VALUE;
    int previousAge = -1;
    for (long key : keys) {
      int c = (int) (key >>> 32);
      int day = (int) key + minDay;
      if (c == previousCustomer && day == previousDay) {
        continue;
      }
      Builder cohort = cohortOf(cohorts, c, first[c], period, endIndex, channelOfCustomer);
      int age = age(period, first[c], day);
      if (c != previousCustomer) {
        cohort.size++;
        previousAge = -1;
      }
      if (age != previousAge) {
        cohort.active[age]++;
      }
      cohort.purchases[age]++;
      if (day != first[c]) {
        cohort.repeatPurchases[age]++;
      }
      previousCustomer = c;
      previousDay = day;
      previousAge = age;
    }
    List<Cohort> rows = new ArrayList<>(cohorts.size());
    for (Builder cohort : cohorts.values()) {
      String channel =
          channelOfCustomer == null
              ? "(all)"
              : cohort.channel < 0 ? Dataset.UNATTRIBUTED : channels.decode(cohort.channel);
      rows.add(
          new Cohort(
              channel,
              period.start(cohort.index),
              cohort.size,
              cohort.active,
              cohort.purchases,
              cohort.repeatPurchases,
              cohort.revenue));
    }
    rows.sort(Comparator.comparing(Cohort::channel).thenComparing(Cohort::start));
    return new CohortTable(period, observationEnd, rows);
  }

  private static int age(CohortPeriod period, int firstDay, int day) {
    return period.index(LocalDate.ofEpochDay(day)) - period.index(LocalDate.ofEpochDay(firstDay));
  }

  private static Builder cohortOf(
      Map<Long, Builder> cohorts,
      int customer,
      int firstDay,
      CohortPeriod period,
      int endIndex,
      int[] channelOfCustomer) {
    int channel = channelOfCustomer == null ? -1 : channelOfCustomer[customer];
    int index = period.index(LocalDate.ofEpochDay(firstDay));
    long key = ((long) channel << 32) | (index & 0xffffffffL);
    return cohorts.computeIfAbsent(
        key, unused -> new Builder(channel, index, endIndex - index + 1));
  }

  /** A cohort being counted. */
  private static final class Builder {
    final int channel;
    final int index;
    int size;
    final int[] active;
    final int[] purchases;
    final int[] repeatPurchases;
    final double[] revenue;

    Builder(int channel, int index, int ages) {
      this.channel = channel;
      this.index = index;
      active = new int[ages];
      purchases = new int[ages];
      repeatPurchases = new int[ages];
      revenue = new double[ages];
    }
  }
}
