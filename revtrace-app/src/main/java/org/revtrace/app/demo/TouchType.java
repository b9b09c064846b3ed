package org.revtrace.app.demo;

import java.util.Locale;

/** The {@code type} column of {@code touchpoints.csv}. */
enum TouchType {
  AD_CLICK,
  VISIT,
  EMAIL,
  WEBINAR,
  EVENT,
  CALL,
  CHAT,
  FORM,
  MEETING;

  private final String text = name().toLowerCase(Locale.ROOT);

  String text() {
    return text;
  }
}
