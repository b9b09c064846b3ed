package org.revtrace.ingest.canonical;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.RowError;

/**
 * Reads one source file row by row: decodes, splits, checks shape, translates to canonical names,
 * validates and de-duplicates ({@link DuplicateCheck}), and accounts for every data row as kept or
 * quarantined.
 */
final class FileImport {

  private final String fileName;
  private final CanonicalFile kind;
  private final char delimiter;
  private final RecordTranslator translator;
  private final ImportOptions options;

  private final DataBuilder data = new DataBuilder();
  private final List<RowError> errors = new ArrayList<>();
  private final List<QuarantinedFile.RejectedRow> rejected = new ArrayList<>();
  private final Map<ErrorCode, Long> errorCounts = new EnumMap<>(ErrorCode.class);
  private final Map<String, ImportResult.RowOrigin> dealOrigins = new HashMap<>();
  private List<String> header = List.of();
  private long rowsRead;
  private long rowsKept;
  private long duplicates;

  FileImport(
      String fileName,
      CanonicalFile kind,
      char delimiter,
      RecordTranslator translator,
      ImportOptions options) {
    this.fileName = fileName;
    this.kind = kind;
    this.delimiter = delimiter;
    this.translator = translator;
    this.options = options;
  }

  ImportResult run(Path path) {
    try (InputStream in = Files.newInputStream(path);
        CheckedUtf8Reader reader = new CheckedUtf8Reader(in, options.progress());
        CsvReader<CsvRecord> csv =
            CsvReader.builder()
                .fieldSeparator(delimiter)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .allowExtraCharsAfterClosingQuote(true)
                .skipEmptyLines(true)
                .ofCsvRecord(reader)) {
      read(csv.iterator(), reader);
    } catch (IOException | UncheckedIOException e) {
      fileError(ErrorCode.UNREADABLE_FILE, "", "cannot read the file: " + e.getMessage());
    } catch (CsvParseException e) {
      // FastCSV gives up on a field longer than its buffer (an unclosed quote in a huge file);
      // what was read is accounted for, the rest is reported as unreadable.
      fileError(
          ErrorCode.UNREADABLE_FILE,
          "",
          "CSV structure broken after data row "
              + rowsRead
              + ", rest of the file not read: "
              + e.getMessage());
    }
    return result();
  }

  private void read(CloseableIterator<CsvRecord> records, CheckedUtf8Reader reader) {
    LineSet badLines = reader.badLines();
    if (!records.hasNext()) {
      fileError(ErrorCode.EMPTY_FILE, "", "the file has no header row");
      return;
    }
    CsvRecord headerRecord = records.next();
    header = headerRecord.getFields();
    String fileProblem = null;
    if (touchesBadLine(headerRecord, badLines)) {
      fileError(
          ErrorCode.BAD_ENCODING, "", "the header is not valid UTF-8; whole file quarantined");
      fileProblem = "encoding";
    } else {
      List<String> missing = translator.bind(header);
      if (!missing.isEmpty()) {
        fileError(
            ErrorCode.MISSING_COLUMN,
            String.join(",", header),
            "missing required column(s) "
                + String.join(", ", missing)
                + "; whole file quarantined");
        fileProblem = "missing column";
      }
    }
    String[] sourceNames = new String[kind.columns().size()];
    for (int i = 0; i < sourceNames.length; i++) {
      sourceNames[i] = fileProblem == null ? translator.sourceColumn(i) : kind.columns().get(i);
    }
    Row row =
        new Row(
            kind, fileName, options.zoneFor(fileName), options.reportingCurrency(), sourceNames);
    RecordBuilder builder = new RecordBuilder(kind, new PersonalData(options.salt()));
    String[] values = new String[sourceNames.length];
    DuplicateCheck repeats = new DuplicateCheck(kind);
    while (records.hasNext()) {
      CsvRecord record = records.next();
      rowsRead++;
      List<String> fields = record.getFields();
      if (fileProblem != null) {
        rejected.add(new QuarantinedFile.RejectedRow(record.getStartingLineNumber(), fields));
        continue;
      }
      row.reset(record.getStartingLineNumber(), values);
      Object kept = null;
      if (touchesBadLine(record, badLines)) {
        row.rowError(ErrorCode.BAD_ENCODING, "", "invalid UTF-8 bytes in this row");
      } else if (!records.hasNext() && reader.endsInsideQuotes() && lastFieldSpansLines(fields)) {
        // An unclosed quote makes the parser swallow every later line into the last field of the
        // last record. Only that field is looked at: a stray quote in an unquoted field earlier in
        // the file also makes the quotes odd, and must not reject a last row whose line breaks sit
        // in a properly closed field before its last one.
        row.rowError(
            ErrorCode.RAGGED_ROW,
            String.join(String.valueOf(delimiter), fields),
            "unclosed quote: the record runs from this line to the end of the file");
      } else if (fields.size() != header.size()) {
        row.rowError(
            ErrorCode.RAGGED_ROW,
            String.join(String.valueOf(delimiter), fields),
            fields.size() + " fields, the header has " + header.size());
      } else {
        translator.translate(fields, row.line(), values, row.errors()::add);
        if (!row.hasErrors()) {
          kept = builder.build(row);
        }
        if (kept != null && repeats.isRepeat(row, kept)) {
          duplicates++;
        }
      }
      if (row.hasErrors()) {
        reject(row, fields);
      } else {
        rowsKept++;
        data.add(kept);
        if (kind == CanonicalFile.DEALS) {
          dealOrigins.put(row.text("deal_id"), new ImportResult.RowOrigin(fileName, row.line()));
        }
      }
    }
  }

  private void reject(Row row, List<String> fields) {
    for (RowError error : row.errors()) {
      errors.add(error);
      errorCounts.merge(error.code(), 1L, Long::sum);
    }
    rejected.add(new QuarantinedFile.RejectedRow(row.line(), fields));
  }

  /** True when any physical line of the record held invalid UTF-8. */
  private static boolean touchesBadLine(CsvRecord record, LineSet badLines) {
    if (badLines.isEmpty()) {
      return false;
    }
    return badLines.firstIn(record.getStartingLineNumber(), lastLine(record)) >= 0;
  }

  private static boolean lastFieldSpansLines(List<String> fields) {
    if (fields.isEmpty()) {
      return false;
    }
    String last = fields.get(fields.size() - 1);
    return last.indexOf('\n') >= 0 || last.indexOf('\r') >= 0;
  }

  /** The physical line where the record ends, counting line breaks inside quoted fields. */
  private static long lastLine(CsvRecord record) {
    long last = record.getStartingLineNumber();
    for (String field : record.getFields()) {
      for (int i = 0; i < field.length(); i++) {
        char c = field.charAt(i);
        if (c == '\n' && (i == 0 || field.charAt(i - 1) != '\r') || c == '\r') {
          last++;
        }
      }
    }
    return last;
  }

  private void fileError(ErrorCode code, String raw, String message) {
    errors.add(new RowError(fileName, 0, "", code, raw, message));
    errorCounts.merge(code, 1L, Long::sum);
  }

  private ImportResult result() {
    FileStats stats =
        new FileStats(fileName, rowsRead, rowsKept, rowsRead - rowsKept, duplicates, errorCounts);
    List<QuarantinedFile> quarantine =
        rejected.isEmpty() ? List.of() : List.of(new QuarantinedFile(fileName, header, rejected));
    return new ImportResult(
        data.build(), errors, List.of(), List.of(stats), quarantine, dealOrigins);
  }
}
