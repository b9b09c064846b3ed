package org.revtrace.app.demo;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One canonical file being written: RFC 4180 (CRLF, quotes only where needed), UTF-8, header first.
 * Counts rows so bad rows can be located by line number.
 */
final class CsvSink implements Closeable {

  private final CanonicalFile file;
  private final Path path;
  private final CsvWriter writer;
  private long rows;

  CsvSink(CanonicalFile file, Path directory) {
    this.file = file;
    this.path = directory.resolve(file.fileName());
    try {
      this.writer =
          CsvWriter.builder()
              .lineDelimiter(LineDelimiter.CRLF)
              .bufferSize(64 * 1024)
              .build(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + path, e);
    }
    writer.writeRecord(file.header());
  }

  /** Writes one row; returns its 1-based line number in the file (the header is line 1). */
  long write(String... cells) {
    if (cells.length != file.columns()) {
      throw new IllegalArgumentException(
          file.fileName() + " has " + file.columns() + " columns, got " + cells.length);
    }
    writer.writeRecord(cells);
    rows++;
    return rows + 1;
  }

  CanonicalFile file() {
    return file;
  }

  Path path() {
    return path;
  }

  long rows() {
    return rows;
  }

  @Override
  public void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + path, e);
    }
  }
}
