package org.revtrace.app.web.imports;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.revtrace.app.cli.BadArgument;
import org.revtrace.app.cli.LoadedReports;
import org.revtrace.app.web.export.SpreadsheetText;
import org.revtrace.core.model.RowError;
import org.revtrace.core.port.BatchSummary;
import org.revtrace.ingest.canonical.QuarantineWriter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The import pages: the batch list with an upload form (analysts), the result of an upload, one
 * batch with its quarantined rows, and their download as CSV.
 */
@Controller
class ImportPageController {

  /** The most quarantined rows one batch page shows; the CSV download holds them all. */
  static final int SHOWN_ROWS = 500;

  private final ImportService imports;
  private final LoadedReports reports;

  ImportPageController(ImportService imports, LoadedReports reports) {
    this.imports = imports;
    this.reports = reports;
  }

  @GetMapping("/imports")
  String list(Model model) {
    model.addAttribute("batches", imports.batchesNewestFirst());
    model.addAttribute("version", reports.version());
    return "imports/list";
  }

  @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  String upload(
      @RequestParam(name = "files", required = false) List<MultipartFile> files,
      @RequestParam(name = "check", defaultValue = "false") boolean check,
      Model model)
      throws IOException {
    try {
      ImportService.Result result =
          imports.importUploads(files, null, null, check, new ImportService.Zones(null, Map.of()));
      model.addAttribute("result", result.outcome());
    } catch (BadArgument e) {
      model.addAttribute("problem", e.getMessage());
    }
    return list(model);
  }

  @GetMapping("/imports/{id}")
  String batch(@PathVariable("id") long id, Model model) {
    BatchSummary batch = found(id);
    List<RowError> quarantine = imports.quarantine(id);
    model.addAttribute("batch", batch);
    model.addAttribute(
        "quarantine", quarantine.subList(0, Math.min(SHOWN_ROWS, quarantine.size())));
    model.addAttribute("quarantineTotal", quarantine.size());
    model.addAttribute(
        "rejectedFiles",
        imports.rejectedRows(id).stream()
            .filter(file -> !file.rows().isEmpty())
            .filter(file -> ImportService.isCanonicalName(file.file()))
            .toList());
    return "imports/batch";
  }

  /**
   * The quarantined rows of a batch as CSV ({@code file, line, field, code, raw, message}), to fix
   * the source rows in a spreadsheet and upload the corrected file again.
   */
  @GetMapping("/imports/{id}/quarantine.csv")
  ResponseEntity<byte[]> quarantineCsv(@PathVariable("id") long id) throws IOException {
    found(id);
    StringWriter text = new StringWriter();
    try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(text)) {
      // Opened in a spreadsheet: values from the data must not run as formulas.
      QuarantineWriter.writeErrors(imports.quarantine(id), csv, SpreadsheetText::neutralized);
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("batch-" + id + "-quarantine.csv")
                .build()
                .toString())
        .body(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The rejected rows of one file of a batch with the file's original header, unchanged, to fix in
   * a spreadsheet and upload again under the same name; 404 for an unknown batch or file.
   */
  @GetMapping("/imports/{id}/rejected/{file}")
  ResponseEntity<byte[]> rejectedCsv(
      @PathVariable("id") long id, @PathVariable("file") String file) {
    found(id);
    return RejectedRowsCsv.download(
        imports
            .rejectedFile(id, file)
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "no rejected rows of " + file + " in batch " + id)));
  }

  private BatchSummary found(long id) {
    return imports
        .batch(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no batch " + id));
  }
}
