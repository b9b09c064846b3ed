package org.revtrace.app.web.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.revtrace.app.cli.BadArgument;
import org.revtrace.app.cli.LoadedReports;
import org.revtrace.app.cli.ReportOptions;
import org.revtrace.core.attribution.HalfLife;
import org.revtrace.core.attribution.ModelComparison;
import org.revtrace.core.attribution.ModelName;
import org.revtrace.core.cohort.Acquisition;
import org.revtrace.core.cohort.CohortPeriod;
import org.revtrace.core.cohort.CohortTable;
import org.revtrace.core.cohort.Cohorts;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.funnel.FunnelOptions;
import org.revtrace.core.funnel.FunnelReport;
import org.revtrace.core.journey.JourneyBuilder;
import org.revtrace.core.journey.Journeys;
import org.revtrace.core.journey.PathAnalysis;
import org.revtrace.core.metric.ChannelReport;
import org.revtrace.core.metric.MetricRow;
import org.revtrace.core.metric.Report;
import org.revtrace.core.metric.ReportRequest;
import org.springframework.stereotype.Component;

/**
 * Computes the dashboard's reports from the loaded data, each engine called as its CLI command
 * calls it: the channel report ({@code report}), the previous period ({@code report}'s headline),
 * the funnel ({@code funnel}), cohorts ({@code cohorts}), paths ({@code paths}) and the model
 * comparison ({@code compare}, without bootstrap).
 */
@Component
public class Dashboards {

  /** Paths the journeys table shows. */
  static final int TOP_PATHS = 10;

  /** Months of data a first visit shows. */
  static final int DEFAULT_MONTHS = 3;

  private final LoadedReports reports;

  Dashboards(LoadedReports reports) {
    this.reports = reports;
  }

  /**
   * The whole dashboard (without the model comparison, which loads apart).
   *
   * @throws BadArgument when a filter is invalid
   */
  Dashboard dashboard(DashboardFilters filters) {
    Basis basis = basis(filters);
    Report report = report(basis);
    List<MetricRow> rows = reports.breakdownRows(basis.options(), basis.request(), report);
    List<MetricRow> months =
        filters.breakdown().equals("month")
            ? rows
            : reports.computed(
                filters.currencyCode(),
                List.of("by-month", basis.request()),
                data -> ChannelReport.byMonth(data, basis.request()));
    return new Dashboard(
        filters,
        report,
        previousPeriod(basis),
        rows,
        months,
        funnel(basis),
        cohorts(basis),
        paths(basis));
  }

  /**
   * Computes the first visit's dashboard in the background once the server is up, so the first
   * person to open it finds the answers in the snapshot's cache instead of waiting for them.
   */
  @org.springframework.context.event.EventListener(
      org.springframework.boot.context.event.ApplicationReadyEvent.class)
  void warmUp() {
    Thread warm =
        new Thread(
            () -> {
              try {
                dashboard(withDefaultPeriod(DashboardFilters.of(java.util.Map.of())));
              } catch (RuntimeException e) {
                // the page will report the same problem when it is opened
              }
            },
            "revtrace-dashboard-warm-up");
    warm.setDaemon(true);
    warm.start();
  }

  /**
   * The filters with the period a first visit shows: the last {@value #DEFAULT_MONTHS} months up to
   * the data's last day, so the headline compares with the equally long period before. Without
   * data, or with a bad currency, the filters stay as they are (the report will say why).
   */
  DashboardFilters withDefaultPeriod(DashboardFilters filters) {
    try {
      Instant end = reports.asOf(null, filters.currencyCode());
      if (!end.isAfter(Instant.EPOCH)) {
        return filters;
      }
      LocalDate last = LocalDate.ofInstant(end.minusNanos(1), ZoneOffset.UTC);
      LocalDate first = last.minusMonths(DEFAULT_MONTHS).plusDays(1);
      return filters.withPeriod(first.toString(), last.toString());
    } catch (BadArgument | ArithmeticException | java.time.DateTimeException e) {
      return filters;
    }
  }

  /**
   * One table by its export name (channels, campaigns, models, paths, funnel, cohorts), computing
   * only what it needs.
   *
   * @throws BadArgument when a filter is invalid
   * @throws IllegalArgumentException when the name is none of those
   */
  public Table table(String name, DashboardFilters filters) {
    Basis basis = basis(filters);
    String currency = currency(basis);
    return switch (name) {
      case "channels" -> {
        Report report = report(basis);
        yield Tables.rows(
            "channels",
            filters.breakdown(),
            reports.breakdownRows(basis.options(), basis.request(), report),
            report.totals(),
            currency);
      }
      case "campaigns" -> campaigns(filters, null);
      case "models" -> Tables.models(models(filters));
      case "paths" -> Tables.paths(paths(basis), currency);
      case "funnel" -> Tables.funnel(funnel(basis));
      case "cohorts" -> Tables.cohorts(cohorts(basis));
      default -> throw new IllegalArgumentException("no table named " + name);
    };
  }

  /**
   * The campaign rows of {@code channel} with that channel's totals; every campaign with its
   * channel when {@code channel} is null.
   *
   * @throws BadArgument when a filter is invalid
   */
  Table campaigns(DashboardFilters filters, String channel) {
    Basis basis = basis(filters.withBreakdown("channel"));
    Report report = report(basis);
    String currency = report.currency();
    if (channel == null) {
      return Tables.campaigns(report.campaignsByChannel(), currency);
    }
    List<MetricRow> rows = report.campaignsByChannel().getOrDefault(channel, List.of());
    MetricRow total =
        report.channels().stream()
            .filter(row -> row.key().equals(channel))
            .findFirst()
            .orElseThrow(() -> new BadArgument("no channel '" + channel + "' in the report"));
    return Tables.rows("campaigns", "campaign", rows, total, currency);
  }

  /**
   * Every attribution model's credit per channel on the filters' journeys, as {@code revtrace
   * compare} computes it without bootstrap.
   *
   * @throws BadArgument when a filter is invalid
   */
  ModelComparison.Result models(DashboardFilters filters) {
    Basis basis = basis(filters);
    ReportRequest request = basis.request();
    return reports.computed(
        filters.currencyCode(), List.of("models", request), data -> compareModels(data, request));
  }

  private static ModelComparison.Result compareModels(Dataset data, ReportRequest request) {
    List<ModelName> models = Arrays.asList(ModelName.values());
    boolean nonConverting =
        models.stream().anyMatch(model -> request.settings().needsNonConverting(model));
    Journeys journeys =
        JourneyBuilder.build(data, request.journeyOptions(request.goal(), nonConverting));
    return ModelComparison.compute(
        journeys, models, request.settings(), HalfLife.fromSalesCycle(data));
  }

  private Report report(Basis basis) {
    return reports.report(basis.filters().currencyCode(), basis.request());
  }

  private Basis basis(DashboardFilters filters) {
    ReportOptions options = filters.options();
    ReportRequest request = reports.request(options).withLevel(filters.journeyLevel());
    return new Basis(options, request, reports.dataset(filters.currencyCode()), filters);
  }

  private String currency(Basis basis) {
    return basis.filters().currencyCode().toUpperCase(Locale.ROOT);
  }

  /** The report of the period of equal length just before the filters', or null without one. */
  private Report previousPeriod(Basis basis) {
    ReportRequest request = basis.request();
    if (request.from() == null || request.to() == null) {
      return null;
    }
    long days = request.to().toEpochDay() - request.from().toEpochDay() + 1;
    return reports.report(
        basis.filters().currencyCode(),
        request.withPeriod(request.from().minusDays(days), request.from().minusDays(1)));
  }

  /** The funnel as of the end of the period (the data's last event without one). */
  private FunnelReport funnel(Basis basis) {
    Instant asOf = asOf(basis);
    return reports.computed(
        basis.filters().currencyCode(),
        List.of("funnel", asOf),
        data -> FunnelReport.compute(data, FunnelOptions.defaults(asOf)));
  }

  /** Monthly cohorts of first payments, observed up to the end of the period. */
  private CohortTable cohorts(Basis basis) {
    LocalDate end = LocalDate.ofInstant(asOf(basis).minusSeconds(1), ZoneOffset.UTC);
    return reports.computed(
        basis.filters().currencyCode(),
        List.of("cohorts", end),
        data ->
            Cohorts.compute(
                data,
                ZoneOffset.UTC,
                CohortPeriod.MONTH,
                end,
                Acquisition.FIRST_PAYMENT,
                null,
                null));
  }

  private PathAnalysis paths(Basis basis) {
    ReportRequest request = basis.request();
    return reports.computed(
        basis.filters().currencyCode(),
        List.of("paths", request),
        data -> PathAnalysis.compute(data, request.journeyOptions(request.goal(), true)));
  }

  private Instant asOf(Basis basis) {
    return reports.asOf(basis.request().to(), basis.filters().currencyCode());
  }

  /** The parsed filters and the data they apply to. */
  private record Basis(
      ReportOptions options, ReportRequest request, Dataset dataset, DashboardFilters filters) {}
}
