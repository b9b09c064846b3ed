package org.revtrace.app.security;

/** What a user may do: an admin manages users and tokens, an analyst edits, a viewer reads. */
enum Role {
  ADMIN,
  ANALYST,
  VIEWER;

  /** The Spring Security authority of this role. */
  String authority() {
    return "ROLE_" + name();
  }
}
