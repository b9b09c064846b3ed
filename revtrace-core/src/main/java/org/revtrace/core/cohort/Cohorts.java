package org.revtrace.core.cohort;

import java.time.Instant;
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
import org.revtrace.core.model.DealStatus;

/**
 * Acquisition cohorts: customers grouped by channel and the period of their first purchase, with
 * activity, purchases and revenue per period since (see {@link Cohort} for the definitions).
 */
public final class Cohorts {

  private Cohorts() {}

  /**
   * Cohorts of the dataset's accounts by their payments (days in {@code zone}, amounts in major
   * units of the reporting currency), acquired at their first payment or first won deal; {@code
   * channelOfAccount} as in {@link #compute(Purchases, CohortPeriod, LocalDate, int[],
   * Dictionary)}.
   */
  public static CohortTable compute(
      Dataset dataset,
      ZoneId zone,
      CohortPeriod period,
      LocalDate observationEnd,
      Acquisition acquisition,
      int[] channelOfAccount,
      Dictionary channels) {
    Purchases purchases = Purchases.ofPayments(dataset, zone);
    return switch (acquisition) {
      case FIRST_PAYMENT ->
          compute(purchases, null, period, observationEnd, channelOfAccount, channels);
      case FIRST_WON_DEAL ->
          compute(
              purchases,
              firstWonDealDays(dataset, zone),
              period,
              observationEnd,
              channelOfAccount,
              channels);
    };
  }

  /**
   * Cohorts of purchases made on or before {@code observationEnd}, customers acquired at their
   * first purchase.
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
    return compute(purchases, null, period, observationEnd, channelOfCustomer, channels);
  }

  /**
   * Cohorts with given acquisition days ({@code acquisitionDay[c]} an epoch day, {@link
   * Integer#MAX_VALUE} for a customer never acquired; null: each customer's first purchase day).
   * Purchases before a customer's acquisition count at age 0; every acquired customer is active at
   * age 0; "repeat" purchases are those after the customer's first purchase day.
   */
  static CohortTable compute(
      Purchases purchases,
      int[] acquisitionDay,
      CohortPeriod period,
      LocalDate observationEnd,
      int[] channelOfCustomer,
      Dictionary channels) {
    Objects.requireNonNull(period, "period");
    int end = (int) observationEnd.toEpochDay();
    int customers = purchases.customerCount();
    int[] firstPurchase = new int[customers];
    Arrays.fill(firstPurchase, Integer.MAX_VALUE);
    for (int i = 0; i < purchases.size(); i++) {
      int day = purchases.day()[i];
      if (day <= end) {
        int c = purchases.customer()[i];
        firstPurchase[c] = Math.min(firstPurchase[c], day);
      }
    }
    int[] first = new int[customers];
    for (int c = 0; c < customers; c++) {
      int acquired = acquisitionDay == null ? firstPurchase[c] : acquisitionDay[c];
      first[c] = acquired <= end ? acquired : Integer.MAX_VALUE;
    }
    int kept = 0;
    for (int i = 0; i < purchases.size(); i++) {
      if (purchases.day()[i] <= end && first[purchases.customer()[i]] != Integer.MAX_VALUE) {
        kept++;
      }
    }
    // rows ordered by customer then day: (customer, day offset) packed in a long
    int minDay = Integer.MAX_VALUE;
    for (int f : firstPurchase) {
      minDay = Math.min(minDay, f);
    }
    long[] keys = new long[kept];
    Map<Long, Builder> cohorts = new HashMap<>();
    int endIndex = period.index(observationEnd);
    for (int c = 0; c < customers; c++) {
      if (first[c] != Integer.MAX_VALUE) {
        Builder cohort = cohortOf(cohorts, c, first[c], period, endIndex, channelOfCustomer);
        cohort.size++;
        cohort.active[0]++;
      }
    }
    int k = 0;
    for (int i = 0; i < purchases.size(); i++) {
      int day = purchases.day()[i];
      int c = purchases.customer()[i];
      if (day > end || first[c] == Integer.MAX_VALUE) {
        continue;
      }
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
        previousAge = 0; // everyone acquired is already counted active at age 0
      }
      if (age != previousAge) {
        cohort.active[age]++;
      }
      cohort.purchases[age]++;
      if (day != firstPurchase[c]) {
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

  /** Periods from acquisition to {@code day}; purchases before acquisition count at age 0. */
  private static int age(CohortPeriod period, int firstDay, int day) {
    return Math.max(
        0, period.index(LocalDate.ofEpochDay(day)) - period.index(LocalDate.ofEpochDay(firstDay)));
  }

  /** Each account's first won deal day (close time, else creation time), or MAX_VALUE. */
  private static int[] firstWonDealDays(Dataset dataset, ZoneId zone) {
    int[] first = new int[dataset.accounts().size()];
    Arrays.fill(first, Integer.MAX_VALUE);
    byte won = (byte) DealStatus.WON.ordinal();
    for (int d = 0; d < dataset.dealCount(); d++) {
      int account = dataset.dealAccount()[d];
      if (dataset.dealStatus()[d] != won || account < 0) {
        continue;
      }
      long closed = dataset.dealClosed()[d];
      long at = closed != Dataset.NO_TIME ? closed : dataset.dealCreated()[d];
      int day = (int) LocalDate.ofInstant(Instant.ofEpochSecond(at), zone).toEpochDay();
      first[account] = Math.min(first[account], day);
    }
    return first;
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
