package org.revtrace.app.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What administrators (and users for their own tokens) may change, with the guard rails: valid
 * names and passwords, never without an enabled admin, never disabling oneself, a token never above
 * its owner's role.
 */
final class Administration {

  /** A user just created or given a new password; {@code password} is set only when generated. */
  record PasswordResult(UserAccount user, String generatedPassword) {

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
      return "PasswordResult[" + user + "]";
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final UserAccounts accounts;
  private final ApiTokens tokens;
  private final PasswordEncoder encoder;
  private final Consumer<String> signOut;

  /**
   * @param signOut ends the open sessions of a user; called after a change of their role, enabled
   *     flag or password, so it takes effect at their next request rather than their next login
   */
  Administration(
      UserAccounts accounts, ApiTokens tokens, PasswordEncoder encoder, Consumer<String> signOut) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.encoder = encoder;
    this.signOut = signOut;
  }

  List<UserAccount> users() {
    return accounts.list();
  }

  List<TokenRecord> tokens() {
    return tokens.list();
  }

  List<TokenRecord> tokensOf(String owner) {
    return tokens.listOf(owner);
  }

  UserAccount user(String username) {
    return accounts
        .find(username)
        .orElseThrow(() -> new AdminRefusal(AdminProblem.UNKNOWN_USER, "no user " + username));
  }

  /**
   * Creates an enabled user with {@code password}, or with a generated one (returned once) when
   * {@code password} is blank.
   */
  PasswordResult createUser(String username, Role role, String password) {
    if (username == null || !UserAccount.USERNAME.matcher(username).matches()) {
      throw new AdminRefusal(
          AdminProblem.BAD_USERNAME,
          "a user name is 2 to 64 of a-z, 0-9, '.', '_', '-': '" + username + "'");
    }
    String generated = blank(password) ? generatePassword() : null;
    String chosen = generated != null ? generated : checkedPassword(password);
    if (!accounts.create(username, encoder.encode(chosen), role)) {
      throw new AdminRefusal(AdminProblem.USER_EXISTS, "user " + username + " exists already");
    }
    return new PasswordResult(user(username), generated);
  }

  /** Sets a user's role and enabled flag; {@code actor} is the signed-in admin. */
  UserAccount update(String actor, String username, Optional<Role> role, Optional<Boolean> on) {
    UserAccount current = user(username);
    boolean enabled = on.orElse(current.enabled());
    if (!enabled && username.equals(actor)) {
      throw new AdminRefusal(AdminProblem.DISABLE_SELF, "you cannot disable yourself");
    }
    switch (accounts.update(username, role.orElse(current.role()), enabled)) {
      case UPDATED -> {
        UserAccount updated = user(username);
        if (!updated.equals(current)) {
          signOut.accept(username);
        }
        return updated;
      }
      case UNKNOWN_USER -> throw new AdminRefusal(AdminProblem.UNKNOWN_USER, "no user " + username);
      case LAST_ADMIN ->
          throw new AdminRefusal(
              AdminProblem.LAST_ADMIN,
              username + " is the last enabled admin: make another admin first");
    }
    throw new IllegalStateException("unreachable");
  }

  /** Gives a user {@code password}, or a generated one (returned once) when it is blank. */
  PasswordResult resetPassword(String username, String password) {
    UserAccount user = user(username);
    String generated = blank(password) ? generatePassword() : null;
    String chosen = generated != null ? generated : checkedPassword(password);
    accounts.setPasswordHash(username, encoder.encode(chosen));
    signOut.accept(username);
    return new PasswordResult(user, generated);
  }

  /** Issues a token for {@code owner} with {@code role} (default: the owner's role). */
  ApiTokens.IssuedToken issueToken(String owner, String name, Optional<Role> role) {
    UserAccount user = user(owner);
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new AdminRefusal(
          AdminProblem.BAD_TOKEN_NAME, "a token needs a name of 1 to 100 characters");
    }
    Role granted = role.orElse(user.role());
    if (!user.role().includes(granted)) {
      throw new AdminRefusal(
          AdminProblem.ROLE_ABOVE_OWNER,
          "a token of " + owner + " (" + user.role().code() + ") cannot be " + granted.code());
    }
    return tokens.issue(owner, name.strip(), granted);
  }

  /** Revokes a token; {@code owner}, when given, must own it. Revoking twice is allowed. */
  TokenRecord revokeToken(long id, Optional<String> owner) {
    TokenRecord token =
        tokens
            .find(id)
            .orElseThrow(() -> new AdminRefusal(AdminProblem.UNKNOWN_TOKEN, "no token " + id));
    if (owner.isPresent() && !owner.get().equals(token.owner())) {
      throw new AdminRefusal(AdminProblem.NOT_YOUR_TOKEN, "token " + id + " is not yours");
    }
    tokens.revoke(id);
    return tokens.find(id).orElseThrow();
  }

  /** Parses a role code, refusing an unknown one. */
  static Role role(String code) {
    return Role.parse(code)
        .orElseThrow(
            () ->
                new AdminRefusal(
                    AdminProblem.BAD_ROLE, "role is admin, analyst or viewer: '" + code + "'"));
  }

  private static String checkedPassword(String password) {
    if (password.length() < UserAccount.MIN_PASSWORD_LENGTH) {
      throw new AdminRefusal(
          AdminProblem.SHORT_PASSWORD,
          "a password needs at least " + UserAccount.MIN_PASSWORD_LENGTH + " characters");
    }
    return password;
  }

  private static boolean blank(String text) {
    return text == null || text.isEmpty();
  }

  /** 18 random bytes in URL-safe Base64: 24 characters. */
  static String generatePassword() {
    byte[] value = new byte[18];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }
}
