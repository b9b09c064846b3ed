package org.revtrace.core.dataset;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.revtrace.core.model.Currencies;

/**
 * Purchase rows for customer-base models: customer index, calendar day, amount.
 *
 * <p>The customer-lifetime-value and cohort engines read purchases in this form, whether they come
 * from a {@link Dataset} (customers = accounts, purchases = payments) or from a raw transaction log
 * such as CDNOW. Arrays are not copied: callers must treat them as read-only.
 *
 * @param customerCount customers are {@code 0 .. customerCount-1}; some may have no purchase
 * @param customer each purchase's customer
 * @param day each purchase's calendar day as an epoch day
 * @param amount each purchase's amount in major units of one currency (may be 0)
 */
public record Purchases(int customerCount, int[] customer, int[] day, double[] amount) {

  public Purchases {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(amount, "amount");
    if (customer.length != day.length || customer.length != amount.length) {
      throw new IllegalArgumentException(
          "column lengths differ: " + customer.length + ", " + day.length + ", " + amount.length);
    }
    for (int c : customer) {
      if (c < 0 || c >= customerCount) {
        throw new IllegalArgumentException("customer " + c + " outside 0.." + customerCount);
      }
    }
  }

  /** Number of purchase rows. */
  public int size() {
    return customer.length;
  }

  /**
   * The dataset's payments as purchases of accounts: customer = account id, day = the payment's
   * calendar day in {@code zone}, amount in major units of the reporting currency. Payments without
   * an account are left out (they cannot be tied to a customer).
   */
  public static Purchases ofPayments(Dataset dataset, ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    double minorPerMajor = Math.pow(10, Currencies.fractionDigits(dataset.currency()));
    int n = 0;
    for (int i = 0; i < dataset.paymentCount; i++) {
      if (dataset.paymentAccount[i] >= 0) {
        n++;
      }
    }
    int[] customer = new int[n];
    int[] day = new int[n];
    double[] amount = new double[n];
    int k = 0;
    for (int i = 0; i < dataset.paymentCount; i++) {
      if (dataset.paymentAccount[i] < 0) {
        continue;
      }
      customer[k] = dataset.paymentAccount[i];
      day[k] =
          (int)
              LocalDate.ofInstant(Instant.ofEpochSecond(dataset.paymentTime[i]), zone).toEpochDay();
      amount[k] = dataset.paymentAmount[i] / minorPerMajor;
      k++;
    }
    return new Purchases(dataset.accounts.size(), customer, day, amount);
  }
}
