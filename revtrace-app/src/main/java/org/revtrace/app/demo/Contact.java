package org.revtrace.app.demo;

import java.util.Locale;

/**
 * A member of an account's buying committee.
 *
 * @param visitorId the web tracker id of the person's browser
 */
record Contact(
    String id, String accountId, String email, String phone, Role role, String visitorId) {

  /** The person's part in the buying decision. */
  enum Role {
    DECISION_MAKER,
    CHAMPION,
    USER,
    FINANCE,
    IT,
    PROCUREMENT;

    String text() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
