package org.revtrace.app.cli;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.revtrace.core.attribution.ModelName;
import org.revtrace.core.attribution.ModelSettings;
import org.revtrace.core.attribution.ShapleySettings;
import org.revtrace.core.dataset.Dimension;
import org.revtrace.core.journey.Goal;
import org.revtrace.core.journey.JourneyLevel;
import org.revtrace.core.metric.ReportRequest;
import org.revtrace.core.metric.Segment;
import org.revtrace.core.model.TouchType;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The report options shared by {@code report} and {@code demo}. */
public final class ReportOptions {

  @Option(
      names = "--model",
      defaultValue = "linear",
      description =
          "Attribution model: first_touch, last_touch, last_non_direct, linear, position_based,"
              + " w_shaped, full_path, time_decay, custom_weights, markov, shapley (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(
      names = "--goal",
      defaultValue = "won",
      description =
          "Conversion for CPA: lead, mql, sql, opportunity, won (default: ${DEFAULT-VALUE}).")
  String goal;

  @Option(names = "--from", description = "First day of the period (YYYY-MM-DD), inclusive.")
  String from;

  @Option(names = "--to", description = "Last day of the period (YYYY-MM-DD), inclusive.")
  String to;

  @Option(
      names = "--currency",
      defaultValue = "RUB",
      description = "Reporting currency (default: ${DEFAULT-VALUE}).")
  String currency;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "Output: table, csv or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--by",
      defaultValue = "channel",
      description =
          "Rows of the table/CSV: channel, campaign or month (default: ${DEFAULT-VALUE}).")
  String by;

  @Option(
      names = "--level",
      defaultValue = "person",
      description = "Journeys of the converting person or of the whole account: person, account.")
  String level;

  @Option(
      names = "--lookback-days",
      defaultValue = "365",
      description =
          "Touches older than this before a conversion are ignored (default: ${DEFAULT-VALUE}).")
  int lookbackDays;

  @Option(
      names = "--zone",
      defaultValue = "UTC",
      description = "Time zone of the report's calendar days (default: ${DEFAULT-VALUE}).")
  String zone;

  @Option(
      names = "--half-life-days",
      description = "Time-decay half-life; default: half the median sales cycle, at least 7 days.")
  Double halfLifeDays;

  @Option(
      names = "--weights",
      split = ",",
      description = "custom_weights per touch type, e.g. meeting=3,webinar=2,visit=0.5.")
  Map<String, Double> weights;

  @Option(
      names = "--markov-order",
      defaultValue = "1",
      description = "Markov chain order 1–4 (default: ${DEFAULT-VALUE}).")
  int markovOrder;

  @Option(
      names = "--markov-without-null-paths",
      description = "Markov on converting journeys only.")
  boolean markovWithoutNullPaths;

  @Option(
      names = "--shapley-value",
      defaultValue = "conversions",
      description =
          "Shapley coalition value: conversions, or conversion_rate (uses non-converting"
              + " journeys) (default: ${DEFAULT-VALUE}).")
  String shapleyValue;

  @Option(
      names = "--shapley-simplified",
      description = "Shapley by the simplified set formula of Zhao et al. (2018).")
  boolean shapleySimplified;

  /** Output format. */
  enum Format {
    TABLE,
    CSV,
    JSON
  }

  /** What a row of the output is. */
  enum Breakdown {
    CHANNEL,
    SOURCE,
    CAMPAIGN,
    MONTH,
    INDUSTRY,
    SIZE,
    REGION,
    TIER,
    PRODUCT;

    /** The account or deal segment this breakdown splits by, if it is one. */
    java.util.Optional<Segment> segment() {
      return Segment.parse(name());
    }
  }

  /**
   * The options of a JSON report named by text values, as the REST API's query parameters give
   * them, parsed by the command line itself so defaults and checks stay the CLI's; a null value
   * keeps the default.
   */
  public static ReportOptions json(
      String model, String goal, String from, String to, String currency, String by) {
    List<String> args = new ArrayList<>(List.of("--format=json"));
    Map<String, String> given = new LinkedHashMap<>();
    given.put("--model", model);
    given.put("--goal", goal);
    given.put("--from", from);
    given.put("--to", to);
    given.put("--currency", currency);
    given.put("--by", by);
    given.forEach(
        (option, value) -> {
          if (value != null) {
            args.add(option + "=" + value);
          }
        });
    try {
      return CommandLine.populateCommand(new ReportOptions(), args.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      throw new BadArgument(e.getMessage());
    }
  }

  Breakdown breakdown() {
    try {
      return Breakdown.valueOf(by.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadArgument(
          "unknown breakdown '"
              + by
              + "': use channel, source, campaign, month, industry, size, region, tier or product");
    }
  }

  Format format() {
    try {
      return Format.valueOf(format.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadArgument("unknown format '" + format + "': use table, csv or json");
    }
  }

  String currency() {
    return Formats.currency(currency);
  }

  ReportRequest request() {
    ModelName modelName =
        ModelName.parse(model)
            .orElseThrow(
                () ->
                    new BadArgument(
                        "unknown model '"
                            + model
                            + "': use "
                            + java.util.Arrays.stream(ModelName.values())
                                .map(ModelName::code)
                                .collect(java.util.stream.Collectors.joining(", "))));
    Goal goalName =
        Goal.parse(goal)
            .orElseThrow(
                () ->
                    new BadArgument(
                        "unknown goal '" + goal + "': use lead, mql, sql, opportunity or won"));
    JourneyLevel journeyLevel =
        switch (level.trim().toLowerCase(Locale.ROOT)) {
          case "person" -> JourneyLevel.PERSON;
          case "account" -> JourneyLevel.ACCOUNT;
          default -> throw new BadArgument("unknown level '" + level + "': use person or account");
        };
    if (lookbackDays < 0) {
      throw new BadArgument("--lookback-days must not be negative");
    }
    ModelSettings settings = ModelSettings.defaults();
    if (halfLifeDays != null) {
      if (!(halfLifeDays > 0)) {
        throw new BadArgument("--half-life-days must be positive");
      }
      settings = settings.withHalfLife(Duration.ofSeconds(Math.round(halfLifeDays * 86_400)));
    }
    if (weights != null) {
      Map<TouchType, Double> byType = new EnumMap<>(TouchType.class);
      weights.forEach(
          (type, weight) ->
              byType.put(
                  TouchType.parse(type)
                      .orElseThrow(() -> new BadArgument("unknown touch type '" + type + "'")),
                  weight));
      settings = settings.withTouchTypeWeights(byType);
    }
    if (markovOrder < 1 || markovOrder > 4) {
      throw new BadArgument("--markov-order must be 1 to 4");
    }
    settings = settings.withMarkov(markovOrder, !markovWithoutNullPaths);
    settings = settings.withShapley(shapley());
    ZoneId reportZone;
    try {
      reportZone = ZoneId.of(zone);
    } catch (java.time.DateTimeException e) {
      throw new BadArgument("unknown time zone '" + zone + "'");
    }
    return new ReportRequest(
        modelName,
        settings,
        goalName,
        journeyLevel,
        Duration.ofDays(lookbackDays),
        Output.date(from, "--from"),
        Output.date(to, "--to"),
        reportZone,
        breakdown() == Breakdown.SOURCE ? Dimension.SOURCE : Dimension.CHANNEL);
  }

  private ShapleySettings shapley() {
    ShapleySettings.ValueFunction function =
        switch (shapleyValue.trim().toLowerCase(Locale.ROOT).replace('-', '_')) {
          case "conversions" -> ShapleySettings.ValueFunction.CONVERSIONS;
          case "conversion_rate" -> ShapleySettings.ValueFunction.CONVERSION_RATE;
          default ->
              throw new BadArgument(
                  "unknown Shapley value '"
                      + shapleyValue
                      + "': use conversions or conversion_rate");
        };
    if (shapleySimplified && function != ShapleySettings.ValueFunction.CONVERSIONS) {
      throw new BadArgument("--shapley-simplified needs --shapley-value conversions");
    }
    return ShapleySettings.defaults()
        .withValueFunction(function)
        .withMethod(
            shapleySimplified ? ShapleySettings.Method.SIMPLIFIED : ShapleySettings.Method.EXACT);
  }
}
