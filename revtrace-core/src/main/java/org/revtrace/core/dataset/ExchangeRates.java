package org.revtrace.core.dataset;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.revtrace.core.model.Currencies;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.Rate;

/**
 * Dated exchange rates into one reporting currency.
 *
 * <p>An amount dated D converts at the rate of D, or else at the latest earlier rate of its
 * currency (rates are published for business days only). With no rate on or before D there is no
 * conversion: the caller reports it, never a silent 1.0. The result is rounded half-even to the
 * reporting currency's minor unit.
 */
public final class ExchangeRates {

  private final String reportingCurrency;
  private final Map<String, NavigableMap<LocalDate, BigDecimal>> byCurrency = new HashMap<>();

  public ExchangeRates(String reportingCurrency, List<Rate> rates) {
    if (!Currencies.isValidCode(reportingCurrency)) {
      throw new IllegalArgumentException("not an ISO 4217 currency code: " + reportingCurrency);
    }
    this.reportingCurrency = reportingCurrency;
    for (Rate rate : rates) {
      byCurrency
          .computeIfAbsent(rate.currency(), c -> new TreeMap<>())
          .put(rate.date(), rate.rate());
    }
  }

  public String reportingCurrency() {
    return reportingCurrency;
  }

  /** The amount in the reporting currency, or empty when no rate is known on or before the date. */
  public Optional<Money> convert(Money money, LocalDate date) {
    if (money.currency().equals(reportingCurrency)) {
      return Optional.of(money);
    }
    NavigableMap<LocalDate, BigDecimal> rates = byCurrency.get(money.currency());
    if (rates == null) {
      return Optional.empty();
    }
    Map.Entry<LocalDate, BigDecimal> rate = rates.floorEntry(date);
    if (rate == null) {
      return Optional.empty();
    }
    BigDecimal major = money.toMajor().multiply(rate.getValue());
    return Optional.of(
        Money.ofMajor(major.setScale(12, RoundingMode.HALF_EVEN), reportingCurrency));
  }
}
