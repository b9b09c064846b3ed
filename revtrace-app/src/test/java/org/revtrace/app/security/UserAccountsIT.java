package org.revtrace.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revtrace.store.EmbeddedDatabase;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The JDBC repositories of users and tokens on the embedded PostgreSQL (migration V4). */
class UserAccountsIT {

  @TempDir static Path temporary;
  private static EmbeddedDatabase database;

  private final UserAccounts users = new UserAccounts(database.dataSource());
  private final ApiTokens tokens = new ApiTokens(database.dataSource());

  @BeforeAll
  static void start() {
    database = EmbeddedDatabase.start(temporary.resolve("pg"));
  }

  @AfterAll
  static void stop() {
    database.close();
  }

  @Test
  void usersAreCreatedOnceAndListedByName() {
    assertThat(users.create("zoe", "$2a$hash-z", Role.VIEWER)).isTrue();
    assertThat(users.create("zoe", "$2a$other", Role.ADMIN)).as("name taken").isFalse();
    assertThat(users.create("yan", "$2a$hash-y", Role.ANALYST)).isTrue();

    assertThat(users.find("zoe")).get().extracting(UserAccount::role).isEqualTo(Role.VIEWER);
    assertThat(users.findStored("zoe"))
        .get()
        .extracting(UserAccounts.StoredUser::passwordHash)
        .isEqualTo("$2a$hash-z");
    assertThat(users.list()).extracting(UserAccount::username).containsSubsequence("yan", "zoe");
    assertThat(users.find("nobody")).isEmpty();
  }

  @Test
  void theLastEnabledAdminStaysEvenUnderConcurrentDemotions() throws Exception {
    users.create("root-a", "$2a$a", Role.ADMIN);
    users.create("root-b", "$2a$b", Role.ADMIN);
    // Other tests' admins would make the count larger: demote them first.
    for (UserAccount user : users.list()) {
      if (user.role() == Role.ADMIN && !user.username().startsWith("root-")) {
        users.update(user.username(), Role.VIEWER, true);
      }
    }
    Callable<UserAccounts.UpdateResult> demoteA = () -> users.update("root-a", Role.VIEWER, true);
    Callable<UserAccounts.UpdateResult> demoteB = () -> users.update("root-b", Role.VIEWER, true);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<UserAccounts.UpdateResult> results;
    try {
      results =
          pool.invokeAll(List.of(demoteA, demoteB)).stream().map(UserAccountsIT::get).toList();
    } finally {
      pool.shutdownNow();
    }

    assertThat(results)
        .containsExactlyInAnyOrder(
            UserAccounts.UpdateResult.UPDATED, UserAccounts.UpdateResult.LAST_ADMIN);
    assertThat(users.list().stream().filter(u -> u.role() == Role.ADMIN && u.enabled())).hasSize(1);
    assertThat(users.update("nobody", Role.VIEWER, true))
        .isEqualTo(UserAccounts.UpdateResult.UNKNOWN_USER);
  }

  @Test
  void tokensAreHashedCappedByTheOwnerAndRevocable() {
    users.create("tom", "$2a$t", Role.ANALYST);
    ApiTokens.IssuedToken issued = tokens.issue("tom", "etl", Role.ANALYST);

    assertThat(issued.token()).startsWith("rt_").hasSizeGreaterThan(40);
    assertThat(issued.toString()).doesNotContain(issued.token());
    assertThat(role(tokens.authenticate(issued.token()).orElseThrow())).isEqualTo("ROLE_ANALYST");

    users.update("tom", Role.VIEWER, true);
    assertThat(role(tokens.authenticate(issued.token()).orElseThrow()))
        .as("never above the owner's current role")
        .isEqualTo("ROLE_VIEWER");
    assertThat(tokens.find(issued.record().id()).orElseThrow().lastUsed()).isNotNull();

    assertThat(tokens.revoke(issued.record().id())).isTrue();
    assertThat(tokens.revoke(issued.record().id())).as("already revoked").isFalse();
    assertThat(tokens.authenticate(issued.token())).isEmpty();
    assertThat(tokens.authenticate("rt_never-issued-0123456789")).isEmpty();
  }

  @Test
  void aRegisteredTokenIsStoredOnceAndStopsWithADisabledOwner() {
    users.create("ops", "$2a$o", Role.ADMIN);
    tokens.register("configured-token-0123456789", "ops", "configured", Role.ADMIN);
    tokens.register("configured-token-0123456789", "ops", "configured", Role.ADMIN);

    assertThat(tokens.listOf("ops")).hasSize(1);
    assertThat(tokens.authenticate("configured-token-0123456789")).isPresent();
    users.create("ops2", "$2a$o", Role.ADMIN);
    users.update("ops", Role.ADMIN, false);
    assertThat(tokens.authenticate("configured-token-0123456789")).isEmpty();
  }

  private static String role(Authentication authentication) {
    return authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .findFirst()
        .orElseThrow();
  }

  private static <T> T get(Future<T> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
