package org.revtrace.core.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Kind of a non-media acquisition cost (seed 004: count all costs). ROMI uses marketing costs only;
 * ROI uses every category.
 */
public enum CostCategory {
  MARKETING,
  SALES,
  AGENCY,
  TOOLS,
  OTHER;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<CostCategory> parse(String code) {
    return Codes.parse(CostCategory.class, code, "");
  }

  /** True for costs that ROMI counts (media spend is always counted as well). */
  public boolean isMarketing() {
    return switch (this) {
      case MARKETING -> true;
      case SALES, AGENCY, TOOLS, OTHER -> false;
    };
  }
}
