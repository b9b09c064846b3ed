package org.revtrace.ingest.mapping;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.revtrace.ingest.canonical.CanonicalFile;

/**
 * How the columns of one CSV export become one canonical file (docs/import-mapping.md).
 *
 * @param target the canonical file kind produced
 * @param source name used in errors (defaults to the file name)
 * @param delimiter field separator of the export
 * @param zone zone of the export's local timestamps and dates; null means the import default
 * @param fields canonical column → how to read it from the export
 * @param constants canonical column → fixed value for every row
 */
public record ColumnMapping(
    CanonicalFile target,
    String source,
    char delimiter,
    ZoneId zone,
    Map<String, FieldRule> fields,
    Map<String, String> constants) {

  public ColumnMapping {
    Objects.requireNonNull(target, "target");
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    constants = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(constants));
  }

  /**
   * One canonical field read from a source column: the trimmed value is looked up in {@code
   * values}; if absent there, a blank value becomes {@code defaultValue} and a non-blank one
   * becomes {@code othersValue} (each only when given; otherwise the value passes through). A
   * non-blank result is then parsed with {@code format} if given and written in ISO-8601 for the
   * canonical validators.
   *
   * @param column source column name (matched trimmed, case-insensitive)
   * @param format pattern of {@link DateTimeFormatter}, or null
   * @param values value map, possibly empty
   * @param defaultValue value for blank input, or null
   * @param othersValue value for non-blank input missing from {@code values}, or null
   */
  public record FieldRule(
      String column,
      String format,
      Map<String, String> values,
      String defaultValue,
      String othersValue) {

    public FieldRule {
      Objects.requireNonNull(column, "column");
      values = Map.copyOf(values);
    }
  }
}
