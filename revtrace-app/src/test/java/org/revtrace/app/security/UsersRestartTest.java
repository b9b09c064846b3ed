package org.revtrace.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.revtrace.app.web.RevtraceServer;
import org.springframework.context.ConfigurableApplicationContext;

/** Users and tokens survive a restart on the same store directory; secrets are printed once. */
class UsersRestartTest {

  private final Path store = TestStore.freshDirectory("restart-pg");
  private final Path data = TestStore.smallData();

  /** Starts the server, runs {@code check} on it, stops it; answers what it printed too. */
  private <T> Started<T> withServer(Function<ConfigurableApplicationContext, T> check) {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    ConfigurableApplicationContext context;
    try {
      context =
          RevtraceServer.start(
              Map.of(),
              Map.of(
                  "server.port",
                  0,
                  "revtrace.data",
                  data.toString(),
                  "revtrace.db-dir",
                  store.toString()));
    } finally {
      System.setOut(original);
    }
    try {
      return new Started<>(check.apply(context), printed.toString(StandardCharsets.UTF_8));
    } finally {
      context.close();
    }
  }

  private record Started<T>(T value, String printed) {}

  @Test
  void aSecondStartOnTheSameDirectorySeesTheUsersAndPrintsNoSecrets() {
    Started<DataSource> first =
        withServer(
            context -> {
              Administration administration = context.getBean(Administration.class);
              administration.createUser("carol", Role.ANALYST, "carol-password-1");
              administration.issueToken("carol", "cron", Optional.empty());
              return context.getBean(DataSource.class);
            });
    assertThat(first.printed())
        .containsPattern("Admin login: admin / \\S{12,} \\(shown once\\)")
        .containsPattern("Admin API token: rt_\\S+ \\(shown once; Authorization: Bearer …\\)");
    assertThatThrownBy(() -> first.value().getConnection())
        .as("the embedded PostgreSQL stopped with the context")
        .isInstanceOf(SQLException.class);

    Started<Optional<UserAccount>> second =
        withServer(context -> context.getBean(UserAccounts.class).find("carol"));

    assertThat(second.value()).get().extracting(UserAccount::role).isEqualTo(Role.ANALYST);
    assertThat(second.printed()).doesNotContain("Admin login").doesNotContain("Admin API token");
  }
}
