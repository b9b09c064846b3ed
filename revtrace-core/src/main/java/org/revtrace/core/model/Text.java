package org.revtrace.core.model;

/** Small string rules shared by the records. */
final class Text {

  private Text() {}

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  static String requireId(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }
}
