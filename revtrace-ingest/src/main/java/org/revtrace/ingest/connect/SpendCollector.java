package org.revtrace.ingest.connect;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.Money;
import org.revtrace.core.model.RowError;
import org.revtrace.core.model.Spend;
import org.revtrace.core.model.Utm;
import org.revtrace.ingest.canonical.FileStats;
import org.revtrace.ingest.canonical.ImportResult;
import org.revtrace.ingest.canonical.QuarantinedFile;

/**
 * Collects the records of one ad-platform report into canonical spend rows and row errors.
 *
 * <p>Definition: every record read is either kept or rejected ({@code rows read = kept +
 * quarantined}). Kept records with the same spend key (date, channel, UTM tags, currency) are
 * summed into one row: platforms split a campaign-day by device or network (Fivetran), and two
 * campaigns whose names normalise to the same utm_campaign are one campaign to attribution. Rows
 * keep the order in which their key first appeared.
 *
 * <p>A report's own totals are checked at the end: the cost of the kept rows must equal the total
 * row to the minor unit, and the number of records read must equal a stated row count; otherwise
 * one {@link ErrorCode#TOTAL_MISMATCH} error names the total line (the rows stay kept).
 */
public final class SpendCollector {

  private final String file;
  private final String currency;
  private final CampaignMapping mapping;
  private final List<String> header;
  private final Map<Key, Spend> rows = new LinkedHashMap<>();
  private final List<RowError> errors = new ArrayList<>();
  private final List<QuarantinedFile.RejectedRow> rejected = new ArrayList<>();
  private final Map<ErrorCode, Long> counts = new EnumMap<>(ErrorCode.class);
  private long read;
  private long kept;
  private Money keptCost;
  private Total totalCost;
  private Total totalRows;

  private record Key(LocalDate date, Utm utm) {}

  private record Total(long line, String raw, long value) {}

  /**
   * @param file the error file name, e.g. {@code AdSource.errorFile("report.csv")}
   * @param currency the account currency (ISO 4217) of every amount in the report
   * @param header the field names of the records, for the quarantine
   */
  public SpendCollector(
      String file, String currency, CampaignMapping mapping, List<String> header) {
    this.file = file;
    this.currency = currency;
    this.mapping = mapping;
    this.header = List.copyOf(header);
    this.keptCost = Money.zero(currency);
  }

  /** The account currency. */
  public String currency() {
    return currency;
  }

  /** The error file name. */
  public String file() {
    return file;
  }

  /** Keeps a record: one campaign's spend of one day, without platform-reported conversions. */
  public void keep(
      long line,
      LocalDate date,
      String campaignId,
      String campaignName,
      long impressions,
      long clicks,
      Money cost) {
    keep(line, date, campaignId, campaignName, impressions, clicks, cost, null);
  }

  /**
   * Keeps a record: one campaign's spend of one day, with the conversions the platform counted
   * (null: the report has none). Merged rows add their conversions; a row without any leaves the
   * other's as they are.
   */
  public void keep(
      long line,
      LocalDate date,
      String campaignId,
      String campaignName,
      long impressions,
      long clicks,
      Money cost,
      BigDecimal conversions) {
    read++;
    kept++;
    keptCost = keptCost.plus(cost);
    Utm utm = mapping.utm(campaignId, campaignName);
    rows.merge(
        new Key(date, utm),
        new Spend(date, mapping.channel(), utm, impressions, clicks, cost, conversions),
        (a, b) ->
            new Spend(
                a.date(),
                a.channel(),
                a.utm(),
                Math.addExact(a.impressions(), b.impressions()),
                Math.addExact(a.clicks(), b.clicks()),
                a.cost().plus(b.cost()),
                plus(a.conversions(), b.conversions())));
  }

  private static BigDecimal plus(BigDecimal a, BigDecimal b) {
    return a == null ? b : b == null ? a : a.add(b);
  }

  /** Rejects a record with one or more errors found while reading it. */
  public void reject(long line, List<String> fields, List<RowError> recordErrors) {
    if (recordErrors.isEmpty()) {
      throw new IllegalArgumentException("a rejected record needs an error (line " + line + ")");
    }
    read++;
    rejected.add(new QuarantinedFile.RejectedRow(line, fields));
    recordErrors.forEach(this::count);
  }

  /** The result of a file that could not be read at all: no rows, one file-level error (line 0). */
  public static ImportResult unreadable(
      String file,
      String currency,
      CampaignMapping mapping,
      String field,
      ErrorCode code,
      String message) {
    SpendCollector collector = new SpendCollector(file, currency, mapping, List.of());
    collector.fileError(0, field, code, "", message);
    return collector.result();
  }

  /** An error of the whole file or of a non-record line (line 0 for the file). */
  public void fileError(long line, String field, ErrorCode code, String raw, String message) {
    count(new RowError(file, line, field, code, raw, message));
  }

  /** An error of a record field, for {@link #reject}. */
  public RowError error(long line, String field, ErrorCode code, String raw, String message) {
    return new RowError(file, line, field, code, raw, message);
  }

  /** The report's total cost row, to reconcile against at the end. */
  public void totalCost(long line, String raw, Money total) {
    totalCost = new Total(line, raw, total.minor());
  }

  /** The report's stated number of data records ({@code Total rows: N}). */
  public void totalRows(long line, String raw, long count) {
    totalRows = new Total(line, raw, count);
  }

  /** The sum of the kept records' cost so far. */
  public Money keptCost() {
    return keptCost;
  }

  private void count(RowError error) {
    errors.add(error);
    counts.merge(error.code(), 1L, Long::sum);
  }

  /** The kept rows, errors and statistics as an import result. */
  public ImportResult result() {
    if (totalCost != null && totalCost.value() != keptCost.minor()) {
      fileError(
          totalCost.line(),
          "cost",
          ErrorCode.TOTAL_MISMATCH,
          totalCost.raw(),
          "the kept rows sum to "
              + keptCost
              + " but the total row says "
              + new Money(totalCost.value(), currency)
              + "; "
              + rejected.size()
              + " records quarantined");
    }
    if (totalRows != null && totalRows.value() != read) {
      fileError(
          totalRows.line(),
          "",
          ErrorCode.TOTAL_MISMATCH,
          totalRows.raw(),
          read + " records read but the report states " + totalRows.value());
    }
    CanonicalData data =
        new CanonicalData(
            List.copyOf(rows.values()),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    FileStats stats = new FileStats(file, read, kept, read - kept, 0, counts);
    return ImportResult.ofSource(data, errors, stats, new QuarantinedFile(file, header, rejected));
  }
}
