package org.revtrace.core.metric;

import java.util.Locale;
import java.util.Optional;
import org.revtrace.core.model.Codes;

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
    return Codes.parse(Segment.class, code, "");
  }
}
