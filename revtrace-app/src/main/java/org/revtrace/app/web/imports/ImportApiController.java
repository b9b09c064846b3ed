package org.revtrace.app.web.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.revtrace.app.cli.BadArgument;
import org.revtrace.app.cli.LoadedReports;
import org.revtrace.core.model.RowError;
import org.revtrace.core.port.BatchSummary;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Imports over the API: upload, batch list, one batch with its quarantine, the snapshot. */
@RestController
@RequestMapping("/api/v1")
class ImportApiController {

  /** The most quarantined rows one page of {@code GET /imports/{id}} returns. */
  static final int MAX_PAGE_SIZE = 1000;

  private final ImportService imports;
  private final LoadedReports reports;

  ImportApiController(ImportService imports, LoadedReports reports) {
    this.imports = imports;
    this.reports = reports;
  }

  @Operation(
      summary =
          "Import canonical files (parts named touchpoints.csv, leads.csv, … as 'files') or a"
              + " mapped export ('export' + 'mapping') as one batch; the snapshot is refreshed.")
  @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> upload(
      @RequestPart(name = "files", required = false) List<MultipartFile> files,
      @RequestPart(name = "export", required = false) MultipartFile export,
      @RequestPart(name = "mapping", required = false) MultipartFile mapping,
      @Parameter(description = "Validate only: write nothing.")
          @RequestParam(name = "check", defaultValue = "false")
          boolean check,
      @Parameter(description = "Zone of timestamps without offset (default UTC).")
          @RequestParam(name = "default_zone", required = false)
          String defaultZone,
      @Parameter(description = "A file's own zone, as FILE=ZONE (repeatable).")
          @RequestParam(name = "source_zone", required = false)
          List<String> sourceZones)
      throws IOException {
    ImportService.Result result =
        imports.importUploads(
            files,
            export,
            mapping,
            check,
            new ImportService.Zones(defaultZone, zones(sourceZones)));
    Map<String, Object> body = ImportViews.outcome(result.outcome(), result.version());
    boolean created = result.outcome().batch() != null && !result.outcome().batch().repeated();
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(body);
  }

  @Operation(summary = "The import batches, newest first.")
  @GetMapping("/imports")
  List<Map<String, Object>> batches() {
    return imports.batchesNewestFirst().stream().map(ImportViews::batch).toList();
  }

  @Operation(summary = "One batch with its quarantined rows and their errors, paged.")
  @GetMapping("/imports/{id}")
  ResponseEntity<Map<String, Object>> batch(
      @PathVariable("id") long id,
      @RequestParam(name = "page", defaultValue = "0") int page,
      @RequestParam(name = "size", defaultValue = "100") int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw new BadArgument("page must be ≥ 0 and size 1 to " + MAX_PAGE_SIZE);
    }
    BatchSummary batch = imports.batch(id).orElse(null);
    if (batch == null) {
      return ResponseEntity.notFound().build();
    }
    List<RowError> quarantine = imports.quarantine(id);
    int from = (int) Math.min((long) page * size, quarantine.size());
    int to = Math.min(from + size, quarantine.size());
    Map<String, Object> body = new LinkedHashMap<>(ImportViews.batch(batch));
    body.put("page", page);
    body.put("size", size);
    body.put("quarantine_total", quarantine.size());
    body.put("quarantine", quarantine.subList(from, to).stream().map(ImportViews::error).toList());
    return ResponseEntity.ok(body);
  }

  @Operation(
      summary =
          "The rejected rows of one file of a batch as CSV: the original header and the rows as"
              + " they were, to fix and upload again under the same canonical name.")
  @GetMapping("/imports/{id}/rejected/{file}")
  ResponseEntity<byte[]> rejected(@PathVariable("id") long id, @PathVariable("file") String file) {
    if (imports.batch(id).isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    return imports
        .rejectedFile(id, file)
        .map(RejectedRowsCsv::download)
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  @Operation(summary = "What the server's snapshot holds: rows per table, days, currencies.")
  @GetMapping("/datasets")
  Map<String, Object> datasets() {
    return ImportViews.dataset(reports);
  }

  static Map<String, String> zones(List<String> pairs) {
    Map<String, String> zones = new LinkedHashMap<>();
    if (pairs == null) {
      return zones;
    }
    for (String pair : pairs) {
      int equals = pair.indexOf('=');
      if (equals <= 0 || equals == pair.length() - 1) {
        throw new BadArgument("source zone '" + pair + "' is not FILE=ZONE");
      }
      zones.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
    }
    return zones;
  }
}
