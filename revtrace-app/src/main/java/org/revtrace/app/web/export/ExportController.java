package org.revtrace.app.web.export;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.revtrace.app.cli.BadArgument;
import org.revtrace.app.web.dashboard.DashboardFilters;
import org.revtrace.app.web.dashboard.Dashboards;
import org.revtrace.app.web.dashboard.Table;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every dashboard table as a file: {@code GET /export/{table}.csv} or {@code .xlsx} with the
 * dashboard's filter parameters (docs/dashboard.md). Unknown tables answer 404, bad filters 400.
 */
@Controller
class ExportController {

  static final List<String> TABLES =
      List.of("channels", "campaigns", "models", "paths", "funnel", "cohorts");

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final Dashboards dashboards;

  ExportController(Dashboards dashboards) {
    this.dashboards = dashboards;
  }

  @GetMapping("/export/{table}.csv")
  ResponseEntity<byte[]> csv(
      @PathVariable String table, @RequestParam Map<String, String> parameters) {
    return file(table, parameters, "csv", new MediaType("text", "csv", StandardCharsets.UTF_8));
  }

  @GetMapping("/export/{table}.xlsx")
  ResponseEntity<byte[]> xlsx(
      @PathVariable String table, @RequestParam Map<String, String> parameters) {
    return file(table, parameters, "xlsx", XLSX);
  }

  @ExceptionHandler(BadArgument.class)
  ResponseEntity<String> badFilter(BadArgument error) {
    return ResponseEntity.badRequest()
        .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .body(error.getMessage());
  }

  private ResponseEntity<byte[]> file(
      String name, Map<String, String> parameters, String extension, MediaType type) {
    if (!TABLES.contains(name)) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
    DashboardFilters filters = DashboardFilters.of(parameters);
    Table table = dashboards.table(name, filters);
    byte[] body = extension.equals("csv") ? TableFiles.csv(table) : TableFiles.xlsx(table);
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(fileName(name, filters, extension))
                .build()
                .toString())
        .body(body);
  }

  /**
   * {@code revtrace-<table>[-<from>][-<to>].<ext>}: the table is one of {@link #TABLES} and the
   * dates have been parsed, so the name holds only letters, digits and dashes.
   */
  static String fileName(String table, DashboardFilters filters, String extension) {
    StringBuilder name = new StringBuilder("revtrace-").append(table);
    if (filters.from() != null) {
      name.append('-').append(filters.from());
    }
    if (filters.to() != null) {
      name.append('-').append(filters.to());
    }
    return name.append('.').append(extension).toString().replaceAll("[^A-Za-z0-9.-]", "_");
  }
}
