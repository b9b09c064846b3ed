package org.revtrace.ingest.mapping;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.revtrace.core.model.ErrorCode;
import org.revtrace.core.model.RowError;
import org.revtrace.ingest.canonical.CanonicalFile;
import org.revtrace.ingest.canonical.RecordTranslator;

/**
 * Translates an export's records to canonical values by a {@link ColumnMapping}: renames, value
 * maps, defaults, constants and date formats. Everything else is validated by the canonical code.
 */
final class MappedColumns implements RecordTranslator {

  private final ColumnMapping mapping;
  private final String fileName;
  private final int size;
  private final ColumnMapping.FieldRule[] rules;
  private final DateTimeFormatter[] formats;
  private final String[] constants;
  private final int[] sourceIndex;

  MappedColumns(ColumnMapping mapping, String fileName) {
    this.mapping = mapping;
    this.fileName = fileName;
    CanonicalFile target = mapping.target();
    this.size = target.columns().size();
    this.rules = new ColumnMapping.FieldRule[size];
    this.formats = new DateTimeFormatter[size];
    this.constants = new String[size];
    this.sourceIndex = new int[size];
    for (Map.Entry<String, ColumnMapping.FieldRule> entry : mapping.fields().entrySet()) {
      int index = target.indexOf(entry.getKey());
      rules[index] = entry.getValue();
      if (entry.getValue().format() != null) {
        formats[index] = strictFormat(entry.getValue().format());
      }
    }
    mapping.constants().forEach((field, value) -> constants[target.indexOf(field)] = value);
  }

  @Override
  public List<String> bind(List<String> header) {
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      sourceIndex[i] = -1;
      if (rules[i] == null) {
        continue;
      }
      for (int h = 0; h < header.size(); h++) {
        if (header.get(h).trim().equalsIgnoreCase(rules[i].column().trim())) {
          sourceIndex[i] = h;
          break;
        }
      }
      if (sourceIndex[i] < 0 && !missing.contains(rules[i].column())) {
        missing.add(rules[i].column());
      }
    }
    return missing;
  }

  @Override
  public String sourceColumn(int canonicalIndex) {
    if (rules[canonicalIndex] != null) {
      return rules[canonicalIndex].column();
    }
    String field = mapping.target().columns().get(canonicalIndex);
    return constants[canonicalIndex] != null ? "constant " + field : field;
  }

  @Override
  public void translate(
      List<String> fields, long line, String[] canonical, Consumer<RowError> errors) {
    for (int i = 0; i < size; i++) {
      ColumnMapping.FieldRule rule = rules[i];
      if (rule == null) {
        canonical[i] = constants[i];
        continue;
      }
      String raw = fields.get(sourceIndex[i]).trim();
      String value = rule.values().get(raw);
      if (value == null) {
        String fallback = raw.isEmpty() ? rule.defaultValue() : rule.othersValue();
        value = fallback != null ? fallback : raw;
      }
      if (formats[i] != null && !value.isBlank()) {
        String iso = reformat(value, formats[i]);
        if (iso == null) {
          ErrorCode code =
              mapping.target().columns().get(i).equals("date")
                  ? ErrorCode.BAD_DATE
                  : ErrorCode.BAD_TIMESTAMP;
          errors.accept(
              new RowError(
                  fileName, line, rule.column(), code, raw, "expected format " + rule.format()));
        }
        value = iso;
      }
      canonical[i] = value;
    }
  }

  /**
   * A strict formatter, so 31.02 is an error rather than silently 28.02; strict resolving needs the
   * proleptic year {@code u} instead of the year-of-era {@code y}.
   */
  static DateTimeFormatter strictFormat(String pattern) {
    return DateTimeFormatter.ofPattern(pattern.replace('y', 'u'), Locale.ROOT)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  /** The value in ISO-8601 (with offset, local date-time or date, as the format has), or null. */
  private static String reformat(String value, DateTimeFormatter format) {
    try {
      TemporalAccessor parsed =
          format.parseBest(value, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
      return parsed.toString();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
