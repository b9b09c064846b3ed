package org.revtrace.ingest.canonical;

import java.util.List;
import java.util.function.Consumer;
import org.revtrace.core.model.RowError;

/**
 * Turns the records of one source file into canonical-named values, so every source shares the
 * canonical validation. The canonical format itself uses a column projection; a column mapping
 * renames, reformats and fills values.
 */
public interface RecordTranslator {

  /**
   * Binds to the header (names trimmed, as in the file) and returns the required source columns
   * that are missing, empty when the file can be read.
   */
  List<String> bind(List<String> header);

  /** The name to report in errors for a canonical column, e.g. the source column it comes from. */
  String sourceColumn(int canonicalIndex);

  /**
   * Fills {@code canonical} (indexed like {@link CanonicalFile#columns()}, null for absent) from
   * the source fields of the record starting at {@code line}; problems of the translation itself go
   * to {@code errors}, and a row with any is quarantined.
   */
  void translate(List<String> fields, long line, String[] canonical, Consumer<RowError> errors);
}
