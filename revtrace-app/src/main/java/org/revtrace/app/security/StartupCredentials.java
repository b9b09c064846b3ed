package org.revtrace.app.security;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.stereotype.Component;

/**
 * Creates the admin user and an admin API token at start and prints the generated secrets once;
 * secrets given by configuration ({@code revtrace.admin-password}, {@code revtrace.api-token}) are
 * used as they are and never printed.
 */
@Component
class StartupCredentials {

  static final String ADMIN = "admin";

  private static final SecureRandom RANDOM = new SecureRandom();

  private String generatedPassword;
  private String generatedToken;

  StartupCredentials(
      InMemoryUserDetailsManager users,
      ApiTokens tokens,
      PasswordEncoder encoder,
      @Value("${revtrace.admin-password:}") String adminPassword,
      @Value("${revtrace.api-token:}") String apiToken) {
    String password = adminPassword;
    if (password.isBlank()) {
      password = generatedPassword = random(18);
    }
    users.createUser(
        User.withUsername(ADMIN)
            .password(encoder.encode(password))
            .roles(Role.ADMIN.name())
            .build());
    if (apiToken.isBlank()) {
      generatedToken = tokens.issue(ADMIN, Role.ADMIN);
    } else {
      tokens.register(apiToken, ADMIN, Role.ADMIN);
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

  private static String random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }
}
