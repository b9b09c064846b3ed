package org.revtrace.ingest.connect;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Decoding and splitting of report files as ad platforms write them. */
public final class ReportText {

  private ReportText() {}

  /** One record of a delimited report: its starting physical line and its fields. */
  public record Line(long number, List<String> fields) {

    public Line {
      fields = List.copyOf(fields);
    }

    /** The field at {@code index}, or empty when the record is shorter. */
    public String field(int index) {
      return index >= 0 && index < fields.size() ? fields.get(index) : "";
    }

    /** True when every field is blank. */
    public boolean isBlank() {
      return fields.stream().allMatch(String::isBlank);
    }
  }

  /**
   * The text of a report: UTF-16 when it starts with a UTF-16 byte-order mark (Google Ads and
   * LinkedIn offer UTF-16 "Excel" exports), else strict UTF-8 with a BOM dropped.
   *
   * @throws CharacterCodingException when the bytes are not valid in that encoding
   */
  public static String decode(byte[] bytes) throws CharacterCodingException {
    Charset charset = StandardCharsets.UTF_8;
    int skip = 0;
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      charset = StandardCharsets.UTF_16LE;
      skip = 2;
    } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      charset = StandardCharsets.UTF_16BE;
      skip = 2;
    } else if (bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      skip = 3;
    }
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip))
        .toString();
  }

  /**
   * The separator of a delimited report: a tab when the text has tabs before its first comma
   * (UTF-16 exports are tab-separated), else a comma.
   */
  public static char delimiter(String text) {
    int tab = text.indexOf('\t');
    int comma = text.indexOf(',');
    return tab >= 0 && (comma < 0 || tab < comma) ? '\t' : ',';
  }

  /**
   * The records of RFC 4180 delimited text (quotes allowed), with blank lines skipped and line
   * numbers kept physical.
   *
   * @throws CsvParseException when the quoting breaks beyond repair
   */
  public static List<Line> records(String text, char delimiter) {
    List<Line> lines = new ArrayList<>();
    try (CsvReader<CsvRecord> csv =
        CsvReader.builder()
            .fieldSeparator(delimiter)
            .allowExtraFields(true)
            .allowMissingFields(true)
            .allowExtraCharsAfterClosingQuote(true)
            .skipEmptyLines(true)
            .ofCsvRecord(text)) {
      for (CsvRecord record : csv) {
        lines.add(new Line(record.getStartingLineNumber(), record.getFields()));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return lines;
  }

  /** Lines split on tabs without quoting (Yandex Direct TSV), numbered from 1, blanks skipped. */
  public static List<Line> tabSeparated(String text) {
    List<Line> lines = new ArrayList<>();
    String[] raw = text.split("\r\n|\n|\r", -1);
    for (int i = 0; i < raw.length; i++) {
      if (!raw[i].isBlank()) {
        lines.add(new Line(i + 1L, List.of(raw[i].split("\t", -1))));
      }
    }
    return lines;
  }

  /** The index of the first header name equal (case-insensitively, trimmed) to one of names. */
  public static int column(List<String> header, String... names) {
    for (int i = 0; i < header.size(); i++) {
      String field = header.get(i).strip();
      for (String name : names) {
        if (field.equalsIgnoreCase(name)) {
          return i;
        }
      }
    }
    return -1;
  }

  /**
   * The index of the first of the first {@code maxLines} lines that {@code isHeader} accepts, or
   * -1: vendor exports put title and filter lines above the header row.
   */
  public static int headerIndex(
      List<Line> lines, int maxLines, java.util.function.Predicate<List<String>> isHeader) {
    for (int i = 0; i < lines.size() && i < maxLines; i++) {
      if (isHeader.test(lines.get(i).fields())) {
        return i;
      }
    }
    return -1;
  }
}
