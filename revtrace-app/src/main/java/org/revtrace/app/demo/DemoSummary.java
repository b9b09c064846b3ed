package org.revtrace.app.demo;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link DemoGenerator#generate} wrote.
 *
 * @param outputDir the folder holding the files
 * @param rowCounts data rows (header excluded) per file name, in canonical file order
 * @param files path per file name, including {@code ground_truth.json}
 */
public record DemoSummary(Path outputDir, Map<String, Long> rowCounts, Map<String, Path> files) {

  public DemoSummary {
    Objects.requireNonNull(outputDir, "outputDir");
    rowCounts = Map.copyOf(rowCounts);
    files = Map.copyOf(files);
  }

  /** Rows written to one file, 0 when the file is unknown. */
  public long rows(String fileName) {
    return rowCounts.getOrDefault(fileName, 0L);
  }

  /** Rows per file in canonical order, for printing. */
  public Map<String, Long> orderedRowCounts() {
    Map<String, Long> ordered = new LinkedHashMap<>();
    for (CanonicalFile file : CanonicalFile.values()) {
      ordered.put(file.fileName(), rows(file.fileName()));
    }
    return ordered;
  }
}
