package org.revtrace.app.demo;

import java.util.Locale;

/** Deal stages in funnel order, as written to {@code stage_changes.csv}. */
enum Stage {
  LEAD,
  MQL,
  SQL,
  MEETING,
  PROPOSAL,
  NEGOTIATION,
  WON,
  LOST;

  private final String text = name().toLowerCase(Locale.ROOT);

  String text() {
    return text;
  }
}
