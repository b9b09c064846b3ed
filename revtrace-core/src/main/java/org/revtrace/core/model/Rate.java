package org.revtrace.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** Units of the reporting currency per one unit of {@code currency} on a date. */
public record Rate(LocalDate date, String currency, BigDecimal rate) {

  public Rate {
    Objects.requireNonNull(date, "date");
    if (!Currencies.isValidCode(currency)) {
      throw new IllegalArgumentException("not an ISO 4217 currency code: '" + currency + "'");
    }
    Objects.requireNonNull(rate, "rate");
    if (rate.signum() <= 0) {
      throw new IllegalArgumentException("rate must be positive: " + rate);
    }
  }
}
