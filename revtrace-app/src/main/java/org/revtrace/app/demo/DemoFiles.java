package org.revtrace.app.demo;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** All canonical files of one run, open together, with the id counters shared by writers. */
final class DemoFiles implements AutoCloseable {

  private final Map<CanonicalFile, CsvSink> sinks = new EnumMap<>(CanonicalFile.class);
  private long touchpoints;
  private long leads;
  private long deals;
  private long payments;

  DemoFiles(Path directory) {
    try {
      for (CanonicalFile file : CanonicalFile.values()) {
        sinks.put(file, new CsvSink(file, directory));
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  CsvSink sink(CanonicalFile file) {
    return sinks.get(file);
  }

  String nextTouchpointId() {
    return id("tp-", ++touchpoints, 9);
  }

  String nextLeadId() {
    return id("lead-", ++leads, 7);
  }

  String nextDealId() {
    return id("deal-", ++deals, 6);
  }

  String nextPaymentId() {
    return id("pay-", ++payments, 7);
  }

  /** Data rows per file name, in canonical order. */
  Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    sinks.forEach((file, sink) -> counts.put(file.fileName(), sink.rows()));
    return counts;
  }

  /** Path per file name, in canonical order. */
  Map<String, Path> paths() {
    Map<String, Path> paths = new LinkedHashMap<>();
    sinks.forEach((file, sink) -> paths.put(file.fileName(), sink.path()));
    return paths;
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (CsvSink sink : sinks.values()) {
      try {
        sink.close();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static String id(String prefix, long number, int width) {
    String digits = Long.toString(number);
    StringBuilder text = new StringBuilder(prefix.length() + Math.max(width, digits.length()));
    text.append(prefix);
    for (int i = digits.length(); i < width; i++) {
      text.append('0');
    }
    return text.append(digits).toString();
  }
}
