package org.revtrace.ingest.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.revtrace.ingest.canonical.PersonalData;

/**
 * Phone numbers as call trackers and CRMs write them, brought to one form so that a caller's number
 * and a lead's phone compare equal.
 *
 * <p>{@link #normalise} gives the E.164 digits without the {@code +}: an extension ({@code доб.
 * 123}, {@code ext 5}, {@code #12}) is dropped, then every non-digit; an international prefix
 * {@code 00} or the Russian {@code 810} is dropped; a Russian trunk prefix {@code 8} on an 11-digit
 * number becomes the country code {@code 7}; a 10-digit number without a {@code +} gets the default
 * country code. A result shorter than 10 or longer than 15 digits is no phone (short internal
 * numbers, "anonymous", a truncated number).
 */
public final class PhoneNumbers {

  private static final Pattern EXTENSION =
      Pattern.compile(
          "(?iu)\\s*(?:доб(?:авочный)?\\.?|вн\\.?|ext(?:ension)?\\.?|x|#)\\s*\\d{1,6}\\s*$");

  private PhoneNumbers() {}

  /**
   * The E.164 digits of {@code raw} (no {@code +}), or null when it is not a phone number.
   *
   * @param defaultCountryCode the country code put before a 10-digit national number, e.g. {@code
   *     7}
   */
  public static String normalise(String raw, String defaultCountryCode) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String text = EXTENSION.matcher(raw.strip()).replaceFirst("");
    boolean plus = text.startsWith("+");
    StringBuilder digits = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      }
    }
    String number = digits.toString();
    if (!plus) {
      if (number.startsWith("00")) {
        number = number.substring(2);
      } else if (number.startsWith("810") && number.length() > 13) {
        number = number.substring(3);
      } else if (number.length() == 11 && number.charAt(0) == '8') {
        number = "7" + number.substring(1);
      } else if (number.length() == 10) {
        number = defaultCountryCode + number;
      }
    }
    return number.length() < 10 || number.length() > 15 ? null : number;
  }

  /**
   * The salted hashes a lead's phone may have been stored under for this number ({@link
   * PersonalData#hashPhone}): the E.164 digits, and for a Russian number also its 10 national
   * digits (how a lead phone written without the country code was hashed). Empty for null.
   */
  public static List<String> keys(String e164, PersonalData personal) {
    List<String> keys = new ArrayList<>(2);
    if (e164 == null) {
      return keys;
    }
    keys.add(personal.hashPhone(e164));
    if (e164.length() == 11 && e164.charAt(0) == '7') {
      keys.add(personal.hashPhone(e164.substring(1)));
    }
    return keys;
  }
}
