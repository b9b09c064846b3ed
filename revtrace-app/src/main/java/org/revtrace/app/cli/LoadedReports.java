package org.revtrace.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.metric.ChannelReport;
import org.revtrace.core.metric.MetricRow;
import org.revtrace.core.metric.Report;
import org.revtrace.core.metric.ReportRequest;
import org.revtrace.core.metric.SegmentReport;

/**
 * A data folder (or the store) loaded into memory once per reporting currency, answering report
 * requests exactly as {@code revtrace report} does.
 */
public final class LoadedReports {

  /** Each currency holds a whole copy of the data, so only a few are kept. */
  static final int MAX_CURRENCIES = 4;

  private final InputOptions input;
  private final String description;
  private final Map<String, DataLoader.Loaded> byCurrency = new ConcurrentHashMap<>();

  private LoadedReports(InputOptions input, String description) {
    this.input = input;
    this.description = description;
  }

  /** Loads {@code folder} in {@code currency} now; other currencies load on first use. */
  public static LoadedReports load(Path folder, String currency) {
    InputOptions input = new InputOptions();
    input.data = folder;
    return load(input, folder.toString(), currency);
  }

  /**
   * Loads every batch of the store (the embedded PostgreSQL under {@code databaseDirectory}, or
   * {@code REVTRACE_DB_URL}) in {@code currency} now; other currencies load on first use.
   */
  public static LoadedReports loadFromStore(Path databaseDirectory, String currency) {
    InputOptions input = new InputOptions();
    input.fromStore = true;
    input.store.directory = databaseDirectory;
    return load(input, "the store", currency);
  }

  private static LoadedReports load(InputOptions input, String description, String currency) {
    LoadedReports reports = new LoadedReports(input, description);
    reports.loaded(Formats.currency(currency));
    return reports;
  }

  /** Where the data came from: the folder, or the store. */
  public String source() {
    return description;
  }

  /** The number of rows quarantined when the folder was loaded in {@code currency}. */
  public int errorCount(String currency) {
    return loaded(Formats.currency(currency)).errors().size();
  }

  /**
   * The report JSON of {@code revtrace report --format json} with these options.
   *
   * @throws BadArgument when an option is invalid
   */
  public String json(ReportOptions options) {
    ReportRequest request = options.request();
    ReportOptions.Breakdown breakdown = options.breakdown();
    Dataset dataset = loaded(options.currency()).dataset();
    StringWriter text = new StringWriter();
    ReportCommand.print(
        dataset,
        request,
        ChannelReport.compute(dataset, request),
        breakdown,
        ReportOptions.Format.JSON,
        new PrintWriter(text));
    return text.toString();
  }

  /**
   * The channel report with these options.
   *
   * @throws BadArgument when an option is invalid
   */
  public Report report(ReportOptions options) {
    ReportRequest request = options.request();
    return ChannelReport.compute(loaded(options.currency()).dataset(), request);
  }

  /**
   * The data set in {@code currency} (loaded on first use), for the engines the dashboard shows
   * besides the channel report (funnel, cohorts, model comparison, paths).
   *
   * @throws BadArgument when the currency is unknown or too many are loaded
   */
  public Dataset dataset(String currency) {
    return loaded(Formats.currency(currency)).dataset();
  }

  private DataLoader.Loaded loaded(String currency) {
    DataLoader.Loaded loaded = byCurrency.get(currency);
    if (loaded != null) {
      return loaded;
    }
    if (byCurrency.size() >= MAX_CURRENCIES) {
      throw new BadArgument(
          "currency "
              + currency
              + " is not loaded: the server keeps at most "
              + MAX_CURRENCIES
              + " reporting currencies ("
              + String.join(", ", byCurrency.keySet())
              + ")");
    }
    return byCurrency.computeIfAbsent(
        currency,
        code -> {
          try {
            return DataLoader.load(input, code);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + description, e);
          }
        });
  }

  /**
   * The report request these options describe, for callers that adjust it (the dashboard sets the
   * journey level) or run the other engines on the same period and model.
   *
   * @throws BadArgument when an option is invalid
   */
  public ReportRequest request(ReportOptions options) {
    return options.request();
  }

  /**
   * The rows {@code revtrace report --by} prints for {@code options}' breakdown of {@code report}
   * (computed by {@code request}): its channel rows, every campaign keyed {@code channel /
   * campaign} in channel order, months, or account segments.
   *
   * @throws BadArgument when the breakdown is unknown
   */
  public List<MetricRow> breakdownRows(
      ReportOptions options, ReportRequest request, Report report) {
    ReportOptions.Breakdown by = options.breakdown();
    Dataset dataset = loaded(options.currency()).dataset();
    return switch (by) {
      case CHANNEL, SOURCE -> report.channels();
      case CAMPAIGN -> campaignRows(report);
      case MONTH -> ChannelReport.byMonth(dataset, request);
      case INDUSTRY, SIZE, REGION, TIER, PRODUCT ->
          SegmentReport.compute(dataset, request, by.segment().orElseThrow());
    };
  }

  private static List<MetricRow> campaignRows(Report report) {
    List<MetricRow> rows = new ArrayList<>();
    new TreeMap<>(report.campaignsByChannel())
        .forEach(
            (channel, campaigns) ->
                campaigns.forEach(
                    row -> rows.add(ChannelReport.withKey(row, channel + " / " + row.key()))));
    return rows;
  }

  /**
   * The moment the data in {@code currency} are judged at, as the analysis commands' {@code
   * --as-of}: the end of {@code day}, or without one just after the data's last event.
   */
  public Instant asOf(LocalDate day, String currency) {
    return Output.asOf(day, dataset(currency));
  }
}
