package org.revtrace.ingest.normalize;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.revtrace.core.dataset.ExchangeRates;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.Rate;
import org.revtrace.core.model.RowError;

/**
 * Converts money to the reporting currency with dated rates, locating a missing rate as a row
 * error. The conversion rule is {@link ExchangeRates}': the rate of the same date, else of the
 * latest earlier date, never a guessed 1.0, rounded half-even to the minor unit.
 */
public final class CurrencyConverter {

  private final ExchangeRates rates;

  /** The outcome of one conversion: the money, or the MISSING_RATE error explaining its absence. */
  public record Conversion(Money money, RowError error) {

    public boolean isConverted() {
      return money != null;
    }
  }

  public CurrencyConverter(String reportingCurrency, Iterable<Rate> rateList) {
    List<Rate> list = new ArrayList<>();
    rateList.forEach(list::add);
    this.rates = new ExchangeRates(reportingCurrency, list);
  }

  /**
   * {@code amount} in the reporting currency at {@code date}; {@code file} and {@code line} only
   * locate the error when no rate is known on or before the date.
   */
  public Conversion convert(Money amount, LocalDate date, String file, long line) {
    return rates
        .convert(amount, date)
        .map(money -> new Conversion(money, null))
        .orElseGet(
            () ->
                new Conversion(
                    null,
                    new RowError(
                        file,
                        line,
                        "currency",
                        ErrorCode.MISSING_RATE,
                        amount.currency(),
                        "no " + amount.currency() + " rate on or before " + date)));
  }
}
