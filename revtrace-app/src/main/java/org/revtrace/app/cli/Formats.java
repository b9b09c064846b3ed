package org.revtrace.app.cli;

import java.util.Locale;
import org.revtrace.core.model.Currencies;

/** Parsing of the output-format and currency options shared by the analysis commands. */
final class Formats {

  private Formats() {}

  /** True for json, false for table; anything else is a bad argument. */
  static boolean isJson(String format) {
    return switch (format.trim().toLowerCase(Locale.ROOT)) {
      case "json" -> true;
      case "table" -> false;
      default -> throw new BadArgument("unknown format '" + format + "': use table or json");
    };
  }

  static String currency(String text) {
    String code = text.trim().toUpperCase(Locale.ROOT);
    if (!Currencies.isValidCode(code)) {
      throw new BadArgument("unknown currency '" + text + "': use an ISO 4217 code");
    }
    return code;
  }
}
