package org.revtrace.ingest.normalize;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.Rate;
import org.revtrace.core.model.RowError;

/**
 * Converts money to the reporting currency with dated rates: the rate of the same date, else of the
 * latest earlier date; never a guessed 1.0. The result is rounded half-even to the reporting
 * currency's minor unit. Money already in the reporting currency is returned unchanged.
 */
public final class CurrencyConverter {

  private final String reportingCurrency;
  private final Map<String, TreeMap<LocalDate, BigDecimal>> rates = new HashMap<>();

  /** The outcome of one conversion: the money, or the MISSING_RATE error explaining its absence. */
  public record Conversion(Money money, RowError error) {

    public boolean isConverted() {
      return money != null;
    }
  }

  public CurrencyConverter(String reportingCurrency, Iterable<Rate> rateList) {
    this.reportingCurrency = Objects.requireNonNull(reportingCurrency, "reportingCurrency");
    for (Rate rate : rateList) {
      rates.computeIfAbsent(rate.currency(), c -> new TreeMap<>()).put(rate.date(), rate.rate());
    }
  }

  /**
   * {@code amount} in the reporting currency at {@code date}; {@code file} and {@code line} only
   * locate the error when no rate is known on or before the date.
   */
  public Conversion convert(Money amount, LocalDate date, String file, long line) {
    if (amount.currency().equals(reportingCurrency)) {
      return new Conversion(amount, null);
    }
    TreeMap<LocalDate, BigDecimal> byDate = rates.get(amount.currency());
    Map.Entry<LocalDate, BigDecimal> rate = byDate == null ? null : byDate.floorEntry(date);
    if (rate == null) {
      return new Conversion(
          null,
          new RowError(
              file,
              line,
              "currency",
              ErrorCode.MISSING_RATE,
              amount.currency(),
              "no " + amount.currency() + " rate on or before " + date));
    }
    return new Conversion(
        Money.ofMajor(amount.toMajor().multiply(rate.getValue()), reportingCurrency), null);
  }
}
