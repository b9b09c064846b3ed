package org.revtrace.app.demo;

import java.util.List;

/**
 * A demo company with its buying committee.
 *
 * @param ordinal 0-based position among accounts
 * @param global whether it sits outside Russia (deals in USD, more Google and LinkedIn)
 */
record Account(
    int ordinal,
    String id,
    String name,
    String domain,
    String industry,
    String size,
    String region,
    Tier tier,
    boolean global,
    List<Contact> contacts) {

  Account {
    contacts = List.copyOf(contacts);
  }

  /** The account tier, A being the best fit. */
  enum Tier {
    A,
    B,
    C
  }

  String currency() {
    return global ? "USD" : "RUB";
  }

  Contact withRole(Contact.Role role) {
    for (Contact contact : contacts) {
      if (contact.role() == role) {
        return contact;
      }
    }
    return contacts.get(0);
  }
}
