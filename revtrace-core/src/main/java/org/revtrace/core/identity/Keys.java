package org.revtrace.core.identity;

import java.util.Locale;

/** Matching keys of e-mails and phones, and how keys are shown masked. */
final class Keys {

  private static final int HASH_LENGTH = 64;
  private static final int SHOWN = 10;

  private Keys() {}

  /**
   * The matching key of a stored e-mail: the hash when the value is {@code <64 hex>} or {@code <64
   * hex>@domain} (so hashes stored before the domain was kept still match), else the value lower
   * case; null when blank.
   */
  static String email(String email) {
    if (email == null || email.isBlank()) {
      return null;
    }
    if (isHash(email)) {
      return email.substring(0, HASH_LENGTH);
    }
    return email.trim().toLowerCase(Locale.ROOT);
  }

  /** The matching key of a stored phone: the hash, or the digits of a raw phone; null if none. */
  static String phone(String phone) {
    if (phone == null || phone.isBlank()) {
      return null;
    }
    if (isHash(phone)) {
      return phone.substring(0, HASH_LENGTH);
    }
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < phone.length(); i++) {
      char c = phone.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      }
    }
    if (digits.length() == 11 && digits.charAt(0) == '8') {
      digits.setCharAt(0, '7');
    }
    return digits.length() == 0 ? null : digits.toString();
  }

  /** An e-mail key shown masked: a hash prefix, or the first letter of a raw address. */
  static String maskEmail(String key, String domain) {
    String shown = isHash(key) ? prefix(key) : maskRaw(key);
    return domain == null ? shown : shown + "@" + domain;
  }

  /** A phone key shown masked: a hash prefix, or a raw number's last two digits. */
  static String maskPhone(String key) {
    if (isHash(key)) {
      return prefix(key);
    }
    return key.length() <= 2 ? "…" : "…" + key.substring(key.length() - 2);
  }

  /** A click id shown masked: its first six characters. */
  static String maskClickId(String key) {
    return key.length() <= 6 ? key : key.substring(0, 6) + "…";
  }

  private static String maskRaw(String email) {
    int at = email.indexOf('@');
    String local = at < 0 ? email : email.substring(0, at);
    return (local.isEmpty() ? "" : local.substring(0, 1)) + "…";
  }

  private static String prefix(String hash) {
    return hash.substring(0, SHOWN) + "…";
  }

  private static boolean isHash(String value) {
    if (value.length() < HASH_LENGTH
        || (value.length() > HASH_LENGTH && value.charAt(HASH_LENGTH) != '@')) {
      return false;
    }
    for (int i = 0; i < HASH_LENGTH; i++) {
      char c = value.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
