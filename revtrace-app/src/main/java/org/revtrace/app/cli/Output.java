package org.revtrace.app.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.OptionalDouble;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.model.Currencies;
import tools.jackson.databind.json.JsonMapper;

/** Formatting shared by the analysis commands: JSON of result records, days, money, shares. */
final class Output {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Output() {}

  /** A result record as pretty JSON (durations ISO-8601, instants UTC, money in minor units). */
  static void json(Object result, PrintWriter out) {
    out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    out.flush();
  }

  static String days(Duration duration) {
    return duration == null
        ? "—"
        : String.format(Locale.ROOT, "%.1f", duration.toSeconds() / 86_400.0);
  }

  static String hours(Duration duration) {
    return duration == null
        ? "—"
        : String.format(Locale.ROOT, "%.1f", duration.toSeconds() / 3_600.0);
  }

  static String money(long minor, String currency) {
    BigDecimal major = BigDecimal.valueOf(minor, Currencies.fractionDigits(currency));
    return String.format(Locale.ROOT, "%,.0f", major.doubleValue());
  }

  static String percent(OptionalDouble share) {
    return share.isPresent()
        ? String.format(Locale.ROOT, "%.1f%%", share.getAsDouble() * 100)
        : "—";
  }

  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /**
   * The "as of" of a report: the given day's end (UTC), else the latest event in the data, so that
   * historical data is judged as of its own end rather than today.
   */
  static Instant asOf(LocalDate day, Dataset data) {
    if (day != null) {
      return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    long latest = Long.MIN_VALUE;
    for (long t : data.touchTime()) {
      latest = Math.max(latest, t);
    }
    for (int l = 0; l < data.leadCount(); l++) {
      latest = Math.max(latest, data.leadCreated()[l]);
    }
    for (int d = 0; d < data.dealCount(); d++) {
      latest = Math.max(latest, Math.max(data.dealCreated()[d], data.dealClosed()[d]));
    }
    for (long t : data.stageChangeTime()) {
      latest = Math.max(latest, t);
    }
    return latest == Long.MIN_VALUE ? Instant.EPOCH : Instant.ofEpochSecond(latest + 1);
  }

  static LocalDate date(String text, String option) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (java.time.format.DateTimeParseException e) {
      throw new BadArgument(option + " '" + text + "' is not a date (YYYY-MM-DD)");
    }
  }
}
