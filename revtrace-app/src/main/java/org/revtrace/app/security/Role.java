package org.revtrace.app.security;

import java.util.Locale;
import java.util.Optional;

/** What a user may do: an admin manages users and tokens, an analyst edits, a viewer reads. */
enum Role {
  ADMIN,
  ANALYST,
  VIEWER;

  /** The Spring Security authority of this role. */
  String authority() {
    return "ROLE_" + name();
  }

  /** The lower-case code used in the database, the API and forms: {@code admin}, ... */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this role may do everything {@code other} may (admin ⊃ analyst ⊃ viewer). */
  boolean includes(Role other) {
    return ordinal() <= other.ordinal();
  }

  /** The lesser of two roles. */
  Role atMost(Role other) {
    return includes(other) ? other : this;
  }

  /** The role of a code ({@code admin}, {@code analyst}, {@code viewer}; any case), or empty. */
  static Optional<Role> parse(String code) {
    if (code == null) {
      return Optional.empty();
    }
    for (Role role : values()) {
      if (role.code().equalsIgnoreCase(code.strip())) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
