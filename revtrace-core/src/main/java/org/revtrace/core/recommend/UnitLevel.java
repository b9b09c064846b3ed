package org.revtrace.core.recommend;

import java.util.Locale;
import java.util.Optional;
import org.revtrace.core.model.Codes;

/** Whether channels or their campaigns are rated and given budget. */
public enum UnitLevel {
  CHANNEL,
  CAMPAIGN;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<UnitLevel> parse(String code) {
    return Codes.parse(UnitLevel.class, code, "");
  }
}
