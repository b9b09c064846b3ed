package org.revtrace.ingest.canonical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.revtrace.core.model.ErrorCode;

/**
 * What happened to the data rows of one file: every row read is either kept or quarantined, so
 * {@code rowsRead == rowsKept + rowsQuarantined}; duplicates are among the quarantined.
 *
 * @param duplicates rows quarantined because an earlier row of the file has their key ({@code
 *     DUPLICATE_ID}, {@code DUPLICATE_ROW} or {@code CONFLICTING_ROW}; see {@link DuplicateCheck})
 * @param errorCounts number of errors by code (a row may have several)
 */
public record FileStats(
    String file,
    long rowsRead,
    long rowsKept,
    long rowsQuarantined,
    long duplicates,
    Map<ErrorCode, Long> errorCounts) {

  public FileStats {
    if (rowsRead != rowsKept + rowsQuarantined) {
      throw new IllegalArgumentException(
          file + ": rows read " + rowsRead + " != kept + quarantined");
    }
    EnumMap<ErrorCode, Long> copy = new EnumMap<>(ErrorCode.class);
    copy.putAll(errorCounts);
    errorCounts = java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * One line for people, e.g. {@code leads.csv: 1,204 rows, 1,198 kept, 6 quarantined (3
   * BAD_TIMESTAMP, 2 DUPLICATE_ID, 1 MISSING_VALUE)}; codes by descending count, then name.
   */
  public String summary() {
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%s: %,d rows, %,d kept, %,d quarantined",
                file,
                rowsRead,
                rowsKept,
                rowsQuarantined));
    if (!errorCounts.isEmpty()) {
      List<Map.Entry<ErrorCode, Long>> entries = new ArrayList<>(errorCounts.entrySet());
      entries.sort(
          Comparator.comparing(Map.Entry<ErrorCode, Long>::getValue)
              .reversed()
              .thenComparing(entry -> entry.getKey().name()));
      text.append(" (");
      for (int i = 0; i < entries.size(); i++) {
        if (i > 0) {
          text.append(", ");
        }
        text.append(
            String.format(
                Locale.ROOT, "%,d %s", entries.get(i).getValue(), entries.get(i).getKey()));
      }
      text.append(')');
    }
    return text.toString();
  }
}
