package org.revtrace.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.metric.ChannelReport;
import org.revtrace.core.metric.MetricRow;
import org.revtrace.core.metric.Report;
import org.revtrace.core.metric.ReportRequest;
import org.revtrace.core.metric.SegmentReport;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.port.BatchSummary;
import org.revtrace.core.port.EventLog;
import org.revtrace.core.port.ImportBatches;
import org.revtrace.ingest.tracker.TrackerTouchpoints;

/**
 * A data folder (or the store) loaded into memory once per reporting currency, answering report
 * requests exactly as {@code revtrace report} does.
 *
 * <p>The loaded data form an immutable snapshot that {@link #refresh()} replaces atomically: a
 * request reads one snapshot from start to end, so it sees either the old or the new data, never a
 * mix. A currency first asked for is indexed from the snapshot's own rows, not reloaded.
 */
public final class LoadedReports {

  /** Each currency holds a whole copy of the data, so only a few are kept. */
  static final int MAX_CURRENCIES = 4;

  /** Reports (and their JSON) kept per snapshot; a report is a few kB to a few hundred kB. */
  static final int CACHED_RESULTS = 512;

  private record ReportKey(String currency, ReportRequest request) {}

  private record JsonKey(String currency, ReportRequest request, ReportOptions.Breakdown by) {}

  /**
   * Which data a snapshot holds.
   *
   * @param lastBatchId the newest batch of the store the snapshot was loaded from (0: none, or a
   *     folder)
   * @param batches how many batches the store held
   * @param eventSequence the newest tracker event the snapshot holds (0: none, or no tracker)
   * @param loadedAt when the snapshot was loaded
   */
  public record DataVersion(long lastBatchId, int batches, long eventSequence, Instant loadedAt) {

    public DataVersion {
      Objects.requireNonNull(loadedAt, "loadedAt");
    }

    /** A short label for pages and the API, e.g. {@code 7@2025-03-01T10:15:00Z}. */
    public String label() {
      return lastBatchId + "@" + loadedAt;
    }
  }

  /** Loads the rows once and indexes them in any currency. */
  private interface Source {
    Indexer read() throws IOException;
  }

  /** Rows read once, indexed per currency on demand. */
  private interface Indexer {
    DataLoader.Loaded index(String currency) throws IOException;
  }

  /** One immutable view of the data; only its per-currency cache grows. */
  private static final class Snapshot {
    final Indexer indexer;
    final DataVersion version;
    final Map<String, DataLoader.Loaded> byCurrency = new ConcurrentHashMap<>();
    final ResultCache results = new ResultCache(CACHED_RESULTS);

    Snapshot(Indexer indexer, DataVersion version) {
      this.indexer = indexer;
      this.version = version;
    }
  }

  private final Source source;
  private final ImportBatches batches;
  private final EventLog events;
  private final String description;
  private final Clock clock;
  private final String firstCurrency;
  private final AtomicReference<Snapshot> current = new AtomicReference<>();

  private LoadedReports(
      Source source,
      ImportBatches batches,
      EventLog events,
      String description,
      Clock clock,
      String currency) {
    this.source = source;
    this.batches = batches;
    this.events = events;
    this.description = description;
    this.clock = clock;
    this.firstCurrency = currency;
  }

  /** Loads {@code folder} in {@code currency} now; other currencies load on first use. */
  public static LoadedReports load(Path folder, String currency) {
    InputOptions input = new InputOptions();
    input.data = folder;
    return load(input, null, folder.toString(), currency);
  }

  /**
   * Loads every batch of the store (the embedded PostgreSQL under {@code databaseDirectory}, or
   * {@code REVTRACE_DB_URL}) in {@code currency} now; other currencies load on first use.
   */
  public static LoadedReports loadFromStore(Path databaseDirectory, String currency) {
    InputOptions input = new InputOptions();
    input.fromStore = true;
    input.store.directory = databaseDirectory;
    return load(input, null, "the store", currency);
  }

  /**
   * Loads every batch of an open store in {@code currency} now; {@link #refresh()} reloads it after
   * an import.
   */
  public static LoadedReports loadFromStore(
      ImportBatches batches, String description, String currency, Clock clock) {
    return loadFromStore(batches, null, description, currency, clock);
  }

  /**
   * Loads every batch of an open store and the web tracker's events (as touchpoints, {@link
   * TrackerTouchpoints}) in {@code currency} now; {@link #refresh()} reloads both.
   */
  public static LoadedReports loadFromStore(
      ImportBatches batches, EventLog events, String description, String currency, Clock clock) {
    TrackerTouchpoints tracker = TrackerTouchpoints.defaults();
    Source source =
        () -> {
          CanonicalData stored = batches.loadAll();
          CanonicalData data = events == null ? stored : tracker.addTo(stored, events.all());
          return code -> DataLoader.indexStored(data, code);
        };
    LoadedReports reports =
        new LoadedReports(source, batches, events, description, clock, Formats.currency(currency));
    reports.refresh();
    return reports;
  }

  private static LoadedReports load(
      InputOptions input, ImportBatches batches, String description, String currency) {
    Source source = () -> code -> DataLoader.load(input, code);
    LoadedReports reports =
        new LoadedReports(
            source, batches, null, description, Clock.systemUTC(), Formats.currency(currency));
    reports.refresh();
    return reports;
  }

  /**
   * Reloads the data (every batch of the store, or the folder) and swaps the new snapshot in
   * atomically, with every currency the old one held; requests running meanwhile finish on the old
   * snapshot. Refreshes run one at a time.
   *
   * @return the new snapshot's version
   */
  public synchronized DataVersion refresh() {
    Snapshot old = current.get();
    List<BatchSummary> stored = batches != null ? batches.batches() : List.of();
    long lastBatch = stored.isEmpty() ? 0 : stored.get(stored.size() - 1).id();
    // Read before the events themselves: events arriving meanwhile make the next look refresh
    // again.
    long eventSequence = events == null ? 0 : events.lastSequence();
    Indexer indexer;
    try {
      indexer = source.read();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load " + description, e);
    }
    Snapshot next =
        new Snapshot(
            indexer, new DataVersion(lastBatch, stored.size(), eventSequence, clock.instant()));
    loaded(next, firstCurrency);
    if (old != null) {
      for (String currency : old.byCurrency.keySet()) {
        loaded(next, currency);
      }
    }
    current.set(next);
    return next.version;
  }

  /** Which data the current snapshot holds. */
  public DataVersion version() {
    return current.get().version;
  }

  /** The reporting currencies loaded in the current snapshot, in no particular order. */
  public List<String> currencies() {
    return List.copyOf(current.get().byCurrency.keySet());
  }

  /** The rows of the current snapshot as loaded in the first currency (before indexing). */
  public CanonicalData data() {
    Snapshot snapshot = current.get();
    return loaded(snapshot, firstCurrency).imported().data();
  }

  /**
   * The rows of the current snapshot after normalisation, in {@code currency} (reconciliation reads
   * rows rather than the data set).
   *
   * @throws BadArgument when the currency is unknown or too many are loaded
   */
  public CanonicalData normalized(String currency) {
    return loaded(Formats.currency(currency)).normalized();
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
    String currency = options.currency();
    Snapshot snapshot = current.get();
    return snapshot.results.get(
        new JsonKey(currency, request, breakdown),
        () -> {
          Dataset dataset = loaded(snapshot, currency).dataset();
          StringWriter text = new StringWriter();
          ReportCommand.print(
              dataset,
              request,
              report(snapshot, currency, request),
              breakdown,
              ReportOptions.Format.JSON,
              new PrintWriter(text));
          return text.toString();
        });
  }

  /**
   * The channel report with these options.
   *
   * @throws BadArgument when an option is invalid
   */
  public Report report(ReportOptions options) {
    return report(current.get(), options.currency(), options.request());
  }

  /**
   * The channel report of {@code request} in {@code currency}, computed once per snapshot.
   *
   * @throws BadArgument when the currency is unknown or too many are loaded
   */
  public Report report(String currency, ReportRequest request) {
    return report(current.get(), Formats.currency(currency), request);
  }

  /**
   * Any result computed from the current data in {@code currency} (funnel, cohorts, paths, model
   * comparison, …), kept with the snapshot under {@code question}, which must identify the result
   * (a record or list of the engine's name and every parameter it depends on).
   *
   * @throws BadArgument when the currency is unknown or too many are loaded
   */
  public <T> T computed(String currency, Object question, Function<Dataset, T> compute) {
    Snapshot snapshot = current.get();
    String code = Formats.currency(currency);
    return snapshot.results.get(
        List.of(code, question), () -> compute.apply(loaded(snapshot, code).dataset()));
  }

  /**
   * The data audit of the current data in {@code currency}, computed once per snapshot and options.
   *
   * @throws BadArgument when the currency is unknown or too many are loaded
   */
  public org.revtrace.core.audit.AuditReport audit(String currency, AuditOptions options) {
    Snapshot snapshot = current.get();
    String code = Formats.currency(currency);
    return snapshot.results.get(
        List.of(code, "audit", options), () -> options.run(loaded(snapshot, code)));
  }

  private Report report(Snapshot snapshot, String currency, ReportRequest request) {
    return snapshot.results.get(
        new ReportKey(currency, request),
        () -> ChannelReport.compute(loaded(snapshot, currency).dataset(), request));
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
    return loaded(current.get(), currency);
  }

  private DataLoader.Loaded loaded(Snapshot snapshot, String currency) {
    DataLoader.Loaded loaded = snapshot.byCurrency.get(currency);
    if (loaded != null) {
      return loaded;
    }
    if (snapshot.byCurrency.size() >= MAX_CURRENCIES) {
      throw new BadArgument(
          "currency "
              + currency
              + " is not loaded: the server keeps at most "
              + MAX_CURRENCIES
              + " reporting currencies ("
              + String.join(", ", snapshot.byCurrency.keySet())
              + ")");
    }
    return snapshot.byCurrency.computeIfAbsent(
        currency,
        code -> {
          try {
            return snapshot.indexer.index(code);
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
    return switch (by) {
      case CHANNEL, SOURCE -> report.channels();
      case CAMPAIGN -> ReportCommand.campaigns(report);
      case MONTH ->
          computed(
              options.currency(),
              List.of("by-month", request),
              data -> ChannelReport.byMonth(data, request));
      case INDUSTRY, SIZE, REGION, TIER, PRODUCT ->
          computed(
              options.currency(),
              List.of("by-segment", request, by),
              data -> SegmentReport.compute(data, request, by.segment().orElseThrow()));
    };
  }

  /**
   * The moment the data in {@code currency} are judged at, as the analysis commands' {@code
   * --as-of}: the end of {@code day}, or without one just after the data's last event.
   */
  public Instant asOf(LocalDate day, String currency) {
    return Output.asOf(day, dataset(currency));
  }
}
