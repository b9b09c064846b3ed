package org.revtrace.core.model;

import java.util.Locale;
import java.util.Optional;

/** Reading the lower snake case codes of the closed sets ({@code ad_click}, {@code won}). */
public final class Codes {

  private Codes() {}

  /**
   * The constant of {@code type} whose name equals {@code code} trimmed and upper-cased, with each
   * character of {@code separators} read as {@code _}; empty for null or an unknown code.
   */
  public static <E extends Enum<E>> Optional<E> parse(
      Class<E> type, String code, String separators) {
    if (code == null) {
      return Optional.empty();
    }
    String normalised = code.trim().toUpperCase(Locale.ROOT);
    for (char separator : separators.toCharArray()) {
      normalised = normalised.replace(separator, '_');
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(normalised)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }
}
