package org.revtrace.core.metric;

import java.util.Locale;
import java.util.Optional;

/** An account or deal attribute that splits a report: industry, size, region, tier, product. */
public enum Segment {
  INDUSTRY,
  SIZE,
  REGION,
  TIER,
  /** The deal's product; leads, which have no product, fall in {@code (none)}. */
  PRODUCT;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Segment> parse(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String normalised = code.trim().toUpperCase(Locale.ROOT);
    for (Segment segment : values()) {
      if (segment.name().equals(normalised)) {
        return Optional.of(segment);
      }
    }
    return Optional.empty();
  }
}
