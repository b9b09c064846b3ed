package org.revtrace.core.model;

import java.util.Locale;
import java.util.Optional;

/** Whether a deal is still open, won or lost. */
public enum DealStatus {
  OPEN,
  WON,
  LOST;

  /** The canonical CSV spelling ({@code open}, {@code won}, {@code lost}). */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the canonical spelling, ignoring case and surrounding blanks. */
  public static Optional<DealStatus> parse(String code) {
    return Codes.parse(DealStatus.class, code, "");
  }
}
