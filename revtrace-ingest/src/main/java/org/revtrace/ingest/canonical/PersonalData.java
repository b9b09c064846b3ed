package org.revtrace.ingest.canonical;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Normalises e-mails and phones and replaces them with salted SHA-256 hashes, so the same person
 * matches across files while the raw address is never stored.
 *
 * <p>The hash is {@code hex(SHA-256(utf8(salt) ‖ utf8(normalised value)))}, lower-case. E-mails are
 * trimmed and lower-cased, and their stored form is {@code <hash>@<domain>}: the domain names the
 * company, not the person, and is kept in clear so identity resolution can match a person to an
 * account by it (docs/definitions/identity-resolution.md); phones keep digits only, and a Russian
 * 11-digit number written with the trunk prefix ({@code 8XXXXXXXXXX}) becomes {@code 7XXXXXXXXXX}.
 * A value that normalises to nothing is absent ({@code null}). Not thread-safe: one instance per
 * import.
 */
public final class PersonalData {

  /**
   * The salt used when the caller sets none. It is public, so hashes made with it only hide data
   * from a casual reader; deployments should set their own salt and keep it.
   */
  public static final String DEFAULT_SALT = "revtrace";

  private final byte[] salt;
  private final MessageDigest digest;

  public PersonalData(String salt) {
    this.salt = salt.getBytes(StandardCharsets.UTF_8);
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** Trimmed, lower-cased e-mail, or null when blank. */
  public static String normaliseEmail(String email) {
    if (email == null) {
      return null;
    }
    String trimmed = email.trim().toLowerCase(Locale.ROOT);
    return trimmed.isEmpty() ? null : trimmed;
  }

  /**
   * Digits of the phone with {@code 8XXXXXXXXXX} rewritten to {@code 7XXXXXXXXXX}; null if none.
   */
  public static String normalisePhone(String phone) {
    if (phone == null) {
      return null;
    }
    StringBuilder digits = new StringBuilder(phone.length());
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

  /**
   * The salted hash of the normalised e-mail followed by {@code @} and its domain ({@code
   * 3b0c…9f@acme.ru}), or the hash alone when the value has no domain; null when blank.
   */
  public String hashEmail(String email) {
    String normalised = normaliseEmail(email);
    String hash = hash(normalised);
    if (hash == null) {
      return null;
    }
    int at = normalised.lastIndexOf('@');
    String domain = at < 0 ? "" : normalised.substring(at + 1).strip();
    return domain.isEmpty() ? hash : hash + "@" + domain;
  }

  /** The salted hash of the normalised phone, or null when it has no digits. */
  public String hashPhone(String phone) {
    return hash(normalisePhone(phone));
  }

  private String hash(String normalised) {
    if (normalised == null) {
      return null;
    }
    digest.reset();
    digest.update(salt);
    return HexFormat.of().formatHex(digest.digest(normalised.getBytes(StandardCharsets.UTF_8)));
  }
}
