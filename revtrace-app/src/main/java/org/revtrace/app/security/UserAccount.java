package org.revtrace.app.security;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A user of the web server as administrators see it (never the password hash).
 *
 * @param username lower-case letters, digits, {@code .}, {@code _}, {@code -}; 2 to 64 characters
 * @param role what the user may do
 * @param enabled false when an administrator disabled the user: no login, no tokens
 * @param createdAt when the user was created
 * @param lastLogin the last successful form login; null if never
 */
record UserAccount(
    String username, Role role, boolean enabled, Instant createdAt, Instant lastLogin) {

  /** Valid user names; the database checks the same pattern. */
  static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{2,64}");

  /** The shortest password accepted. */
  static final int MIN_PASSWORD_LENGTH = 12;

  UserAccount {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
