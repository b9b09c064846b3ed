package org.revtrace.app.web.imports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.revtrace.app.cli.LoadedReports;
import org.revtrace.app.cli.StoreImport;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.RowError;
import org.revtrace.core.port.BatchOutcome;
import org.revtrace.core.port.BatchSummary;
import org.revtrace.ingest.canonical.FileStats;

/** The JSON shapes of the import API (snake_case keys, as the report API). */
final class ImportViews {

  private ImportViews() {}

  static Map<String, Object> outcome(
      StoreImport.Outcome outcome, LoadedReports.DataVersion version) {
    Map<String, Object> json = new LinkedHashMap<>();
    BatchOutcome batch = outcome.batch();
    if (batch == null) {
      json.put("status", "checked");
      json.put("message", "validated only: nothing was written");
    } else if (batch.repeated()) {
      json.put("status", "already_imported");
      json.put("batch_id", batch.batch().id());
      json.put(
          "message",
          "already imported as batch "
              + batch.batch().id()
              + " on "
              + batch.batch().committedAt()
              + ": nothing changed");
    } else {
      json.put("status", "imported");
      json.put("batch_id", batch.batch().id());
      json.put(
          "message",
          "batch "
              + batch.batch().id()
              + " committed: "
              + batch.batch().storedRows()
              + " rows stored, "
              + batch.batch().skippedRows()
              + " already stored, "
              + batch.batch().quarantinedRows()
              + " quarantined");
      json.put("batch", batch(batch.batch()));
    }
    List<Map<String, Object>> files = new ArrayList<>();
    for (FileStats file : outcome.imported().files()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("file", file.file());
      row.put("rows_read", file.rowsRead());
      row.put("rows_kept", file.rowsKept());
      row.put("rows_quarantined", file.rowsQuarantined());
      files.add(row);
    }
    json.put("files", files);
    json.put("error_count", outcome.errors().size());
    json.put("errors", outcome.errors().stream().map(ImportViews::error).toList());
    json.put("warnings", outcome.imported().warnings().stream().map(ImportViews::error).toList());
    json.put("data_version", version(version));
    return json;
  }

  static Map<String, Object> batch(BatchSummary batch) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", batch.id());
    json.put("source", batch.source());
    json.put("files", batch.fileName());
    json.put("committed_at", batch.committedAt().toString());
    json.put("rows_offered", batch.offeredRows());
    json.put("rows_kept", batch.storedRows());
    json.put("rows_skipped", batch.skippedRows());
    json.put("rows_quarantined", batch.quarantinedRows());
    json.put("content_hash", batch.contentHash());
    return json;
  }

  static Map<String, Object> error(RowError error) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("file", error.file());
    json.put("line", error.line());
    json.put("field", error.field());
    json.put("code", error.code().name());
    json.put("raw", error.raw());
    json.put("message", error.message());
    return json;
  }

  static Map<String, Object> version(LoadedReports.DataVersion version) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("label", version.label());
    json.put("last_batch_id", version.lastBatchId());
    json.put("batches", version.batches());
    json.put("loaded_at", version.loadedAt().toString());
    return json;
  }

  /** What the snapshot holds: rows per table, the date range of the facts, currencies. */
  static Map<String, Object> dataset(LoadedReports reports) {
    LoadedReports.DataVersion version = reports.version();
    CanonicalData data = reports.data();
    Map<String, Object> rows = new LinkedHashMap<>();
    rows.put("spend", data.spend().size());
    rows.put("touchpoints", data.touchpoints().size());
    rows.put("leads", data.leads().size());
    rows.put("deals", data.deals().size());
    rows.put("stage_changes", data.stageChanges().size());
    rows.put("payments", data.payments().size());
    rows.put("accounts", data.accounts().size());
    rows.put("contacts", data.contacts().size());
    rows.put("costs", data.costs().size());
    rows.put("rates", data.rates().size());
    DateRange range = new DateRange();
    data.spend().forEach(row -> range.add(row.date()));
    data.costs().forEach(row -> range.add(row.date()));
    range.addAll(data.touchpoints(), row -> row.occurredAt());
    range.addAll(data.leads(), row -> row.createdAt());
    range.addAll(data.deals(), row -> row.createdAt());
    range.addAll(data.payments(), row -> row.paidAt());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("source", reports.source());
    json.put("rows", rows);
    json.put("first_day", range.first == null ? null : range.first.toString());
    json.put("last_day", range.last == null ? null : range.last.toString());
    json.put("currencies", reports.currencies().stream().sorted().toList());
    json.put("batches", version.batches());
    json.put("data_version", version(version));
    return json;
  }

  /** The first and last calendar day (UTC) of the facts. */
  private static final class DateRange {
    LocalDate first;
    LocalDate last;

    void add(LocalDate day) {
      if (first == null || day.isBefore(first)) {
        first = day;
      }
      if (last == null || day.isAfter(last)) {
        last = day;
      }
    }

    <T> void addAll(List<T> rows, Function<T, Instant> time) {
      for (T row : rows) {
        add(LocalDate.ofInstant(time.apply(row), ZoneOffset.UTC));
      }
    }
  }
}
