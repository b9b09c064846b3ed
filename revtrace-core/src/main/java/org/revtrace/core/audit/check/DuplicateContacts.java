package org.revtrace.core.audit.check;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.revtrace.core.audit.AuditInput;
import org.revtrace.core.audit.Finding;
import org.revtrace.core.audit.Horizon;
import org.revtrace.core.model.Contact;

/**
 * {@code DUPLICATE_CONTACTS}: contacts with another contact's e-mail or phone under a different id
 * (the later ids are affected). One person split into several contacts splits their journey and
 * their buying committee.
 */
public final class DuplicateContacts extends Check {

  public DuplicateContacts() {
    super("DUPLICATE_CONTACTS", Horizon.QUICK_WIN);
  }

  @Override
  public Optional<Finding> run(AuditInput input) {
    Map<String, String> owner = new HashMap<>();
    Set<String> duplicates = new TreeSet<>();
    input.raw().contacts().stream()
        .sorted(java.util.Comparator.comparing(Contact::id))
        .forEach(
            contact -> {
              for (String key : keys(contact)) {
                String first = owner.putIfAbsent(key, contact.id());
                if (first != null && !first.equals(contact.id())) {
                  duplicates.add(contact.id());
                }
              }
            });
    long contacts = input.raw().contacts().size();
    return found(
        duplicates.size(),
        contacts,
        "contacts",
        0,
        0,
        0,
        duplicates,
        duplicates.size()
            + " of "
            + contacts
            + " contacts share an e-mail or phone with another contact");
  }

  private static java.util.List<String> keys(Contact contact) {
    java.util.List<String> keys = new java.util.ArrayList<>(2);
    if (contact.email() != null) {
      keys.add("email:" + contact.email().toLowerCase(java.util.Locale.ROOT));
    }
    if (contact.phone() != null) {
      keys.add("phone:" + contact.phone());
    }
    return keys;
  }
}
