package org.revtrace.ingest.canonical;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.revtrace.core.model.RowError;

/** The canonical format's translator: header names trimmed and case-insensitive, extras ignored. */
final class CanonicalColumns implements RecordTranslator {

  private final CanonicalFile kind;
  private final int[] sourceIndex;
  private final String[] names;

  CanonicalColumns(CanonicalFile kind) {
    this.kind = kind;
    this.sourceIndex = new int[kind.columns().size()];
    this.names = kind.columns().toArray(String[]::new);
  }

  @Override
  public List<String> bind(List<String> header) {
    Arrays.fill(sourceIndex, -1);
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).trim().toLowerCase(Locale.ROOT);
      int index = kind.indexOf(name);
      if (index >= 0 && sourceIndex[index] < 0) {
        sourceIndex[index] = i;
        names[index] = header.get(i).trim();
      }
    }
    List<String> missing = new ArrayList<>();
    for (String column : kind.requiredColumns()) {
      if (sourceIndex[kind.indexOf(column)] < 0) {
        missing.add(column);
      }
    }
    return missing;
  }

  @Override
  public String sourceColumn(int canonicalIndex) {
    return names[canonicalIndex];
  }

  @Override
  public void translate(
      List<String> fields, long line, String[] canonical, Consumer<RowError> errors) {
    for (int i = 0; i < sourceIndex.length; i++) {
      int index = sourceIndex[i];
      canonical[i] = index < 0 ? null : fields.get(index);
    }
  }
}
