package org.revtrace.core.dataset;

/** What a report row and an attribution credit are keyed by. */
public enum Dimension {
  /** The channel of a touch, lead or spend row (yandex_direct, seo, webinars, …). */
  CHANNEL,
  /** The UTM source ({@code utm_source}, normalised); {@code (none)} when absent. */
  SOURCE
}
