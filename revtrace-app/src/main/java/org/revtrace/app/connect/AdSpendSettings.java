package org.revtrace.app.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.revtrace.app.cli.BadArgument;
import org.revtrace.ingest.connect.AdSource;
import org.revtrace.ingest.connect.CampaignMapping;
import org.revtrace.ingest.connect.SpendReader;
import org.revtrace.ingest.connect.SpendSync;

/**
 * The settings every ad-spend connection shares, read and checked: the account's currency and time
 * zone, the days to sync ({@code start_date}, {@code end_date}, {@code restatement_days}, {@code
 * include_today}), the UTM tags of its spend ({@code utm_source}, {@code utm_medium}, {@code
 * campaign_map}) and the API address ({@code url}, for sandboxes and tests).
 */
final class AdSpendSettings {

  /** The keys every ad-spend source knows. */
  static final List<String> COMMON =
      List.of(
          "currency",
          "time_zone",
          "start_date",
          "end_date",
          "restatement_days",
          "include_today",
          "utm_source",
          "utm_medium",
          "campaign_map",
          "url");

  private final ConnectionSettings connection;

  AdSpendSettings(ConnectionSettings connection) {
    this.connection = connection;
  }

  /** The common keys followed by the source's own. */
  static List<String> keys(String... own) {
    List<String> keys = new ArrayList<>(List.of(own));
    keys.addAll(COMMON);
    return List.copyOf(keys);
  }

  /** The text of a setting, stripped, or null when absent or blank. */
  String text(String key) {
    String value = connection.settings().get(key);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The account currency: the setting (ISO 4217, upper-cased) or {@code fallback}. */
  String currency(String fallback) {
    String value = text("currency");
    if (value == null) {
      return fallback;
    }
    String code = value.toUpperCase(Locale.ROOT);
    if (!code.matches("[A-Z]{3}")) {
      throw bad("currency", value, "an ISO 4217 code such as RUB");
    }
    return code;
  }

  /** The account's time zone: the setting or {@code fallback}. */
  ZoneId zone(ZoneId fallback) {
    String value = text("time_zone");
    if (value == null) {
      return fallback;
    }
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      throw bad("time_zone", value, "a time zone such as Europe/Moscow");
    }
  }

  /** How the account's campaigns become UTM tags: defaults, the two tags, the id map file. */
  CampaignMapping mapping(AdSource source) {
    String file = text("campaign_map");
    Map<String, String> overrides = Map.of();
    if (file != null) {
      try {
        overrides = CampaignMapping.readOverrides(Path.of(file));
      } catch (IOException e) {
        throw new UncheckedIOException(
            "connection " + connection.name() + ": cannot read campaign_map " + file, e);
      } catch (IllegalArgumentException e) {
        throw new BadArgument("connection " + connection.name() + ": " + e.getMessage());
      }
    }
    return new CampaignMapping(source, text("utm_source"), text("utm_medium"), overrides);
  }

  /** The sync of {@code reader}'s account in {@code zone}, with the day settings. */
  SpendSync sync(SpendReader reader, ZoneId zone, Clock clock) {
    LocalDate start = date("start_date");
    LocalDate end = date("end_date");
    if (start == null) {
      start = SpendSync.defaultStartDate(clock, zone);
    }
    if (end != null && end.isBefore(start)) {
      throw bad("end_date", end.toString(), "a day on or after start_date " + start);
    }
    return new SpendSync(
        reader,
        zone,
        clock,
        start,
        end,
        number("restatement_days", SpendSync.DEFAULT_RESTATEMENT_DAYS, 0, 90),
        flag("include_today", false));
  }

  /** A whole number setting in {@code min..max}, or {@code fallback}. */
  int number(String key, int fallback, int min, int max) {
    String value = text(key);
    if (value == null) {
      return fallback;
    }
    if (!value.matches("\\d{1,4}")
        || Integer.parseInt(value) < min
        || Integer.parseInt(value) > max) {
      throw bad(key, value, "a whole number from " + min + " to " + max);
    }
    return Integer.parseInt(value);
  }

  /** A yes/no setting, or {@code fallback}. */
  boolean flag(String key, boolean fallback) {
    String value = text(key);
    if (value == null) {
      return fallback;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "yes", "true" -> true;
      case "no", "false" -> false;
      default -> throw bad(key, value, "yes or no");
    };
  }

  private LocalDate date(String key) {
    String value = text(key);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw bad(key, value, "a date such as 2025-01-31");
    }
  }

  private BadArgument bad(String key, String value, String expected) {
    return new BadArgument(
        "connection "
            + connection.name()
            + ": "
            + key
            + " must be "
            + expected
            + ", got: "
            + value);
  }
}
