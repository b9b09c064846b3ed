package org.revtrace.core.model;

import java.util.Locale;
import java.util.Optional;

/** What kind of interaction a touchpoint was. */
public enum TouchType {
  AD_CLICK,
  VISIT,
  EMAIL,
  WEBINAR,
  EVENT,
  CALL,
  CHAT,
  FORM,
  MEETING,
  OTHER;

  /** The canonical CSV spelling: lower snake case ({@code ad_click}). */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the canonical spelling, ignoring case and surrounding blanks. */
  public static Optional<TouchType> parse(String code) {
    return Codes.parse(TouchType.class, code, "- ");
  }
}
