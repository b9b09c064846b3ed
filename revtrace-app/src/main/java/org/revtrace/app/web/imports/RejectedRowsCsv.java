package org.revtrace.app.web.imports;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.revtrace.core.port.RejectedFile;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The rejected rows of one file of a batch as the download {@code /imports/{id}/rejected/{file}}:
 * the file's original header, then the rows exactly as they were read, UTF-8 with CRLF line ends.
 *
 * <p>Unlike the error list, values are not neutralised for spreadsheets: the file is meant to be
 * fixed and uploaded again under its canonical name, so it must import as the original rows did.
 */
final class RejectedRowsCsv {

  private RejectedRowsCsv() {}

  /** The CSV text: header, then one record per rejected row in line order. */
  static String text(RejectedFile file) {
    StringWriter text = new StringWriter();
    try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(text)) {
      csv.writeRecord(file.header());
      for (RejectedFile.RejectedRow row : file.rows()) {
        csv.writeRecord(row.fields());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write CSV to memory", e);
    }
    return text.toString();
  }

  /** The download of {@code file}: a {@code text/csv} attachment named like the original file. */
  static ResponseEntity<byte[]> download(RejectedFile file) {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(file.file()).build().toString())
        .body(text(file).getBytes(StandardCharsets.UTF_8));
  }
}
