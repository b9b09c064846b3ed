package org.revtrace.app.demo;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads generated demo files back for tests. */
final class DemoCsv {

  /** A parsed file: its header and rows as column → value maps with their line numbers. */
  record Table(List<String> header, List<Row> rows) {
    List<String> column(String name) {
      return rows.stream().map(row -> row.get(name)).toList();
    }
  }

  /** One data row. */
  record Row(long line, Map<String, String> cells) {
    String get(String column) {
      return cells.get(column);
    }
  }

  private DemoCsv() {}

  static Table read(Path file) {
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file)) {
      List<String> header = null;
      List<Row> rows = new ArrayList<>();
      for (CsvRecord record : reader) {
        if (header == null) {
          header = record.getFields();
          continue;
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          cells.put(header.get(i), record.getField(i));
        }
        rows.add(new Row(record.getStartingLineNumber(), cells));
      }
      return new Table(header, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode groundTruth(Path directory) {
    return JsonMapper.builder().build().readTree(directory.resolve("ground_truth.json").toFile());
  }

  /** SHA-256 of every regular file in a folder, by file name. */
  static Map<String, String> hashes(Path directory) {
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
          byte[] buffer = new byte[1 << 16];
          for (int read; (read = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, read);
          }
        }
        hashes.put(file.getFileName().toString(), HexFormat.of().formatHex(digest.digest()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return hashes;
  }
}
