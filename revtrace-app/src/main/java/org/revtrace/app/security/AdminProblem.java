package org.revtrace.app.security;

/** Why an administration request was refused: a stable code, an HTTP status, a message key. */
enum AdminProblem {
  BAD_USERNAME(400),
  SHORT_PASSWORD(400),
  BAD_ROLE(400),
  BAD_TOKEN_NAME(400),
  ROLE_ABOVE_OWNER(400),
  USER_EXISTS(409),
  UNKNOWN_USER(404),
  UNKNOWN_TOKEN(404),
  LAST_ADMIN(409),
  DISABLE_SELF(409),
  NOT_YOUR_TOKEN(403);

  private final int status;

  AdminProblem(int status) {
    this.status = status;
  }

  /** The HTTP status of the problem. */
  int status() {
    return status;
  }

  /** The key of the problem's text in {@code i18n/admin*.properties}. */
  String messageKey() {
    return "admin.problem." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
