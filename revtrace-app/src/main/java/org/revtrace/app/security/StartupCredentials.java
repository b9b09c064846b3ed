package org.revtrace.app.security;

import java.io.PrintStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin when the database has none, and prints the generated secrets once.
 *
 * <p>With no admin in the database: user {@code admin} is created with {@code
 * revtrace.admin-password} or a generated password, and gets {@code revtrace.api-token} or a
 * generated token; generated ones are printed once, configured ones never. With an admin already
 * there nothing is created or printed, except that a configured {@code revtrace.api-token} is
 * registered for {@code admin} if it is not stored yet.
 */
@Component
class StartupCredentials {

  static final String ADMIN = "admin";

  private String generatedPassword;
  private String generatedToken;

  StartupCredentials(
      UserAccounts users,
      ApiTokens tokens,
      PasswordEncoder encoder,
      @Value("${revtrace.admin-password:}") String adminPassword,
      @Value("${revtrace.api-token:}") String apiToken) {
    boolean firstStart = !users.anyAdmin();
    if (firstStart) {
      String password = adminPassword;
      if (password.isBlank()) {
        password = generatedPassword = Administration.generatePassword();
      }
      if (!users.create(ADMIN, encoder.encode(password), Role.ADMIN)) {
        // A user named admin without the admin role (only possible by editing the table).
        users.setPasswordHash(ADMIN, encoder.encode(password));
        users.update(ADMIN, Role.ADMIN, true);
      }
    }
    if (!apiToken.isBlank()) {
      tokens.register(apiToken, ADMIN, "configured (revtrace.api-token)", Role.ADMIN);
    } else if (firstStart) {
      generatedToken = tokens.issue(ADMIN, "first start", Role.ADMIN).token();
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  void print() {
    PrintStream out = System.out;
    if (generatedPassword != null) {
      out.println("Admin login: " + ADMIN + " / " + generatedPassword + " (shown once)");
    }
    if (generatedToken != null) {
      out.println("Admin API token: " + generatedToken + " (shown once; Authorization: Bearer …)");
    }
    out.flush();
    generatedPassword = null;
    generatedToken = null;
  }
}
