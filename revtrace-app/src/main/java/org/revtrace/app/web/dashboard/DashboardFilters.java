package org.revtrace.app.web.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.revtrace.app.cli.BadArgument;
import org.revtrace.app.cli.ReportOptions;
import org.revtrace.core.journey.JourneyLevel;

/**
 * The dashboard's filter bar as the query parameters give it: period, goal, attribution model,
 * journey level, breakdown and currency. Blank values keep the CLI's defaults ({@code revtrace
 * report}: whole period, goal won, model linear, person level, by channel, RUB), so a bookmarked
 * URL means the same report as the command line with the same options.
 *
 * @param from first day, YYYY-MM-DD, or null
 * @param to last day, YYYY-MM-DD, or null
 */
public record DashboardFilters(
    String from, String to, String goal, String model, String level, String by, String currency) {

  /** The query parameter names, in the order links repeat them. */
  static final List<String> NAMES =
      List.of("from", "to", "goal", "model", "level", "by", "currency");

  public DashboardFilters {
    from = blankToNull(from);
    to = blankToNull(to);
    goal = blankToNull(goal);
    model = blankToNull(model);
    level = blankToNull(level);
    by = blankToNull(by);
    currency = blankToNull(currency);
  }

  /** The filters among these query parameters; others are ignored. */
  public static DashboardFilters of(Map<String, String> parameters) {
    return new DashboardFilters(
        parameters.get("from"),
        parameters.get("to"),
        parameters.get("goal"),
        parameters.get("model"),
        parameters.get("level"),
        parameters.get("by"),
        parameters.get("currency"));
  }

  /**
   * The report options of these filters, checked as the CLI checks them.
   *
   * @throws BadArgument naming the bad value
   */
  public ReportOptions options() {
    LocalDate first = day(from, "from");
    LocalDate last = day(to, "to");
    if (first != null && last != null && last.isBefore(first)) {
      throw new BadArgument("the period ends " + last + " before it starts " + first);
    }
    journeyLevel();
    return ReportOptions.json(model, goal, from, to, currency, by);
  }

  /**
   * The journey level: person (the default) or account.
   *
   * @throws BadArgument for another value
   */
  public JourneyLevel journeyLevel() {
    if (level == null) {
      return JourneyLevel.PERSON;
    }
    return switch (level.trim().toLowerCase(Locale.ROOT)) {
      case "person" -> JourneyLevel.PERSON;
      case "account" -> JourneyLevel.ACCOUNT;
      default -> throw new BadArgument("unknown level '" + level + "': use person or account");
    };
  }

  /** The breakdown code of the rows ({@code channel} when none is given), lower case. */
  public String breakdown() {
    return by == null ? "channel" : by.trim().toLowerCase(Locale.ROOT);
  }

  /** The reporting currency code as given, RUB when none is. */
  public String currencyCode() {
    return currency == null ? "RUB" : currency.trim().toUpperCase(Locale.ROOT);
  }

  /** These filters with the period replaced. */
  DashboardFilters withPeriod(String newFrom, String newTo) {
    return new DashboardFilters(newFrom, newTo, goal, model, level, by, currency);
  }

  /** These filters with the row breakdown replaced, e.g. to export campaigns. */
  public DashboardFilters withBreakdown(String newBy) {
    return new DashboardFilters(from, to, goal, model, level, newBy, currency);
  }

  /** The given filters as an encoded query string without the leading {@code ?}; may be empty. */
  public String query() {
    StringJoiner query = new StringJoiner("&");
    values()
        .forEach(
            (name, value) ->
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return query.toString();
  }

  /** The given filters by parameter name, in {@link #NAMES} order. */
  public Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> given = List.of(n(from), n(to), n(goal), n(model), n(level), n(by), n(currency));
    for (int i = 0; i < NAMES.size(); i++) {
      if (!given.get(i).isEmpty()) {
        values.put(NAMES.get(i), given.get(i));
      }
    }
    return values;
  }

  private static String n(String value) {
    return value == null ? "" : value;
  }

  private static LocalDate day(String text, String name) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new BadArgument(name + " '" + text + "' is not a date (YYYY-MM-DD)");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
