package org.revtrace.core.model;

/** A person at an account. E-mail and phone are kept as given by the importer (hashed there). */
public record Contact(String id, String accountId, String email, String phone, String role) {

  public Contact {
    Text.requireId(id, "contact id");
    accountId = Text.blankToNull(accountId);
    email = Text.blankToNull(email);
    phone = Text.blankToNull(phone);
    role = Text.blankToNull(role);
  }
}
