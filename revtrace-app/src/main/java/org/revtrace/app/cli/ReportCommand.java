package org.revtrace.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.revtrace.app.report.ReportWriter;
import org.revtrace.core.attribution.DataSufficiency;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.journey.JourneyBuilder;
import org.revtrace.core.metric.ChannelReport;
import org.revtrace.core.metric.MetricRow;
import org.revtrace.core.metric.Report;
import org.revtrace.core.metric.ReportRequest;
import org.revtrace.core.metric.SegmentReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code revtrace report}: the channel report of a canonical data folder. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Print ROI, ROMI, CAC, LTV and the funnel per channel for one attribution model.")
public final class ReportCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin InputOptions input;

  @Mixin ReportOptions options;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ReportRequest request = options.request();
    ReportOptions.Format format = options.format();
    DataLoader.Loaded loaded = DataLoader.loadReporting(input, options.currency(), err);
    Report report = ChannelReport.compute(loaded.dataset(), request);
    warnIfTooLittleData(loaded.dataset(), request, err);
    print(loaded.dataset(), request, report, options.breakdown(), format, out);
    return loaded.hasErrors() ? ExitCodes.DATA_ERRORS : ExitCodes.OK;
  }

  /** A data-driven model on too little data still prints, with a warning that it guesses. */
  private static void warnIfTooLittleData(Dataset dataset, ReportRequest request, PrintWriter err) {
    if (!request.model().isDataDriven()) {
      return;
    }
    DataSufficiency.Verdict verdict =
        DataSufficiency.check(
            JourneyBuilder.build(dataset, request.journeyOptions(request.goal(), false)),
            request.model());
    if (verdict.status() == DataSufficiency.Status.NOT_ENOUGH_DATA) {
      err.println(
          "warning: not enough data for "
              + request.model().code()
              + ": "
              + verdict.conversions()
              + " conversions, at least "
              + DataSufficiency.MIN_CONVERSIONS
              + " needed; the credit below is a guess (docs/definitions/attribution.md)");
      err.flush();
    }
  }

  static void print(
      Dataset dataset,
      ReportRequest request,
      Report report,
      ReportOptions.Breakdown by,
      ReportOptions.Format format,
      PrintWriter out) {
    String keyName =
        switch (by) {
          case CHANNEL -> "channel";
          case SOURCE -> "source";
          case CAMPAIGN -> "campaign";
          case MONTH -> "month";
          case INDUSTRY, SIZE, REGION, TIER, PRODUCT -> by.segment().orElseThrow().code();
        };
    List<MetricRow> rows =
        switch (by) {
          case CHANNEL, SOURCE -> report.channels();
          case CAMPAIGN -> campaigns(report);
          case MONTH -> ChannelReport.byMonth(dataset, request);
          case INDUSTRY, SIZE, REGION, TIER, PRODUCT ->
              SegmentReport.compute(dataset, request, by.segment().orElseThrow());
        };
    switch (format) {
      case TABLE ->
          out.print(
              ReportWriter.table(
                  report,
                  keyName,
                  rows,
                  ReportWriter.headline(report, previousPeriod(dataset, request))));
      case CSV -> ReportWriter.csv(report, keyName, rows, out);
      case JSON ->
          out.print(
              switch (by) {
                case CHANNEL, SOURCE -> ReportWriter.json(report, keyName, null, List.of());
                case CAMPAIGN, MONTH -> ReportWriter.json(report, "channel", keyName + "s", rows);
                case INDUSTRY, SIZE, REGION, TIER, PRODUCT ->
                    ReportWriter.json(report, "channel", "segments", rows);
              });
    }
    out.flush();
  }

  /** The report of the period of equal length just before the request's, or null without one. */
  private static Report previousPeriod(Dataset dataset, ReportRequest request) {
    if (request.from() == null || request.to() == null) {
      return null;
    }
    long days = request.to().toEpochDay() - request.from().toEpochDay() + 1;
    return ChannelReport.compute(
        dataset, request.withPeriod(request.from().minusDays(days), request.from().minusDays(1)));
  }

  /**
   * Campaign rows of every channel in channel order, keyed {@code channel / campaign}; the report's
   * map is immutable and iterates in a per-JVM random order.
   */
  static List<MetricRow> campaigns(Report report) {
    List<MetricRow> rows = new ArrayList<>();
    new TreeMap<>(report.campaignsByChannel())
        .forEach(
            (channel, campaigns) ->
                campaigns.forEach(
                    row -> rows.add(ChannelReport.withKey(row, channel + " / " + row.key()))));
    return rows;
  }
}
