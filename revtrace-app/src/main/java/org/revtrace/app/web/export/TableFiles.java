package org.revtrace.app.web.export;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.revtrace.app.web.dashboard.Table;

/** A dashboard {@link Table} as a CSV or XLSX file: header of column codes, then the rows. */
final class TableFiles {

  /** Excel reads a CSV as UTF-8 only when it starts with the byte order mark. */
  private static final String BYTE_ORDER_MARK = "\uFEFF";

  private TableFiles() {}

  /** UTF-8 CSV with a byte order mark; text neutralised, numbers plain, undefined values empty. */
  static byte[] csv(Table table) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
    try (CsvWriter csv = CsvWriter.builder().build(out)) {
      out.write(BYTE_ORDER_MARK);
      csv.writeRecord(table.columns().stream().map(Table.Column::code).toList());
      for (Table.Row row : table.rows()) {
        List<String> cells = new ArrayList<>();
        for (Object cell : row.cells()) {
          cells.add(csvCell(cell));
        }
        csv.writeRecord(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static String csvCell(Object cell) {
    if (cell == null) {
      return "";
    }
    return cell instanceof Number number
        ? SpreadsheetText.plain(number)
        : SpreadsheetText.neutralized(cell.toString());
  }

  /** One worksheet named after the table; numbers as numeric cells, text neutralised. */
  static byte[] xlsx(Table table) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(bytes, "Revtrace", "1.0");
      Worksheet sheet = workbook.newWorksheet(table.name());
      List<Table.Column> columns = table.columns();
      for (int c = 0; c < columns.size(); c++) {
        sheet.value(0, c, columns.get(c).code());
        sheet.style(0, c).bold().set();
      }
      for (int r = 0; r < table.rows().size(); r++) {
        List<Object> cells = table.rows().get(r).cells();
        for (int c = 0; c < cells.size(); c++) {
          xlsxCell(sheet, r + 1, c, cells.get(c));
        }
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void xlsxCell(Worksheet sheet, int row, int column, Object cell) {
    if (cell instanceof Number number) {
      sheet.value(row, column, number);
    } else if (cell != null) {
      sheet.value(row, column, SpreadsheetText.neutralized(cell.toString()));
    }
  }
}
