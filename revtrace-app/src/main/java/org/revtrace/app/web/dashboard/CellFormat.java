package org.revtrace.app.web.dashboard;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import org.revtrace.core.model.Currencies;

/**
 * Formats numbers for the page in the request's language, never the JVM's: {@code 1 234 567,89 ₽}
 * and {@code 12,5 %} in Russian, {@code RUB1,234,567.89} and {@code 12.5%} in English; a missing
 * value (a ratio over zero) is a dash.
 */
final class CellFormat {

  static final String MISSING = "—";

  private final Locale locale;
  private final String currency;

  CellFormat(Locale locale, String currency) {
    this.locale = locale;
    this.currency = currency;
  }

  /** The text of a cell of this kind. */
  String format(Object value, Table.Kind kind) {
    if (value == null) {
      return MISSING;
    }
    if (kind == Table.Kind.TEXT) {
      return value.toString();
    }
    Number number = (Number) value;
    return switch (kind) {
      case TEXT -> value.toString();
      case COUNT -> count(number);
      case MONEY -> money(number);
      case PERCENT -> percent(number.doubleValue());
      case RATIO -> decimal(number.doubleValue(), 2);
      case DAYS -> decimal(number.doubleValue(), 1);
    };
  }

  /** Money in major units with the currency's digits and sign. */
  String money(Number major) {
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    try {
      format.setCurrency(Currency.getInstance(currency));
    } catch (IllegalArgumentException e) {
      // a currency unknown to the JDK keeps the locale's symbol; the code is in the filter bar
    }
    int digits = Currencies.fractionDigits(currency);
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(digits);
    return format.format(major instanceof BigDecimal decimal ? decimal : major.doubleValue());
  }

  /** A fraction as a percentage with one decimal: 0.125 → 12,5 %. */
  String percent(double fraction) {
    NumberFormat format = NumberFormat.getPercentInstance(locale);
    format.setMinimumFractionDigits(1);
    format.setMaximumFractionDigits(1);
    return format.format(fraction);
  }

  /** A whole count as is, an attributed one with one decimal. */
  String count(Number count) {
    double value = count.doubleValue();
    return decimal(value, value == Math.rint(value) ? 0 : 1);
  }

  /** A number with exactly {@code digits} decimals and grouping. */
  String decimal(double value, int digits) {
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(digits);
    return format.format(value);
  }

  /** A signed change: percentage points for ratios, else a relative change in percent. */
  String signedPercent(double fraction) {
    return (fraction > 0 ? "+" : "") + percent(fraction);
  }

  /** A signed number with one decimal, for percentage points. */
  String signedDecimal(double value) {
    return (value > 0 ? "+" : "") + decimal(value, 1);
  }
}
