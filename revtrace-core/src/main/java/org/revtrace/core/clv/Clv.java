package org.revtrace.core.clv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.revtrace.core.dataset.Dictionary;

/**
 * Discounted customer lifetime value over a horizon of months.
 *
 * <p>CLV_i = Σ_{m=1..H} E[Z_i] · (E[Y_i(m·f)] − E[Y_i((m−1)·f)]) / (1 + d)^m, where E[Y_i(t)] is
 * the purchase model's conditional expectation of purchases in the next {@code t} time units, f the
 * time units per month ({@link TimeScale#perMonth()}), E[Z_i] the Gamma-Gamma expected value per
 * purchase and d the monthly discount rate: each month's expected purchases are valued and
 * discounted at the month's end (a discrete-time form of the discounted expected transactions of
 * Fader, Hardie &amp; Lee 2005, JMR, as implemented by the {@code lifetimes} package's {@code
 * customer_lifetime_value}). Money is in the unit of the summary's monetary column.
 */
public final class Clv {

  private Clv() {}

  /**
   * Lifetime value of each summary row over {@code months} months at {@code monthlyDiscountRate}
   * (e.g. 0.01 for 1% a month; 0 for no discounting).
   */
  public static double[] compute(
      PurchaseModel purchases,
      GammaGamma spend,
      CustomerSummary summary,
      int months,
      double monthlyDiscountRate) {
    if (months < 0) {
      throw new IllegalArgumentException("negative horizon: " + months + " months");
    }
    if (!(monthlyDiscountRate > -1) || !Double.isFinite(monthlyDiscountRate)) {
      throw new IllegalArgumentException("discount rate not above -1: " + monthlyDiscountRate);
    }
    SummaryGroups groups = new SummaryGroups(summary);
    double perMonth = summary.scale().perMonth();
    double[] discountedPurchases = new double[groups.size];
    IntStream.range(0, groups.size)
        .parallel()
        .forEach(
            g -> {
              int x = groups.x[g];
              double recency = groups.recencyValues[groups.recencyIndex[g]];
              double age = groups.ageValues[groups.ageIndex[g]];
              double previous = 0;
              double sum = 0;
              double discount = 1;
              for (int m = 1; m <= months; m++) {
                double cumulative = purchases.expectedPurchases(m * perMonth, x, recency, age);
                discount /= 1 + monthlyDiscountRate;
                sum += (cumulative - previous) * discount;
                previous = cumulative;
              }
              discountedPurchases[g] = sum;
            });
    double[] value = new double[summary.size()];
    for (int i = 0; i < value.length; i++) {
      value[i] =
          spend.expectedValue(summary.frequency()[i], summary.monetary()[i])
              * discountedPurchases[groups.groupOfCustomer[i]];
    }
    return value;
  }

  /**
   * Lifetime value per acquisition channel: summary row {@code i} belongs to customer {@code
   * summary.customer()[i]}, whose channel is {@code channelOfCustomer[customer]} (an id in {@code
   * channels}, or -1 for none: such customers are left out). One entry per channel of {@code
   * channels}, ordered by name ({@link String#compareTo}).
   */
  public static List<ChannelValue> byChannel(
      CustomerSummary summary, double[] value, int[] channelOfCustomer, Dictionary channels) {
    if (value.length != summary.size()) {
      throw new IllegalArgumentException(
          value.length + " values for " + summary.size() + " customers");
    }
    int[] customers = new int[channels.size()];
    double[] total = new double[channels.size()];
    for (int i = 0; i < value.length; i++) {
      int channel = channelOfCustomer[summary.customer()[i]];
      if (channel >= 0) {
        customers[channel]++;
        total[channel] += value[i];
      }
    }
    List<ChannelValue> result = new ArrayList<>(channels.size());
    for (int c = 0; c < channels.size(); c++) {
      result.add(new ChannelValue(channels.decode(c), customers[c], total[c]));
    }
    result.sort(Comparator.comparing(ChannelValue::channel));
    return List.copyOf(result);
  }
}
