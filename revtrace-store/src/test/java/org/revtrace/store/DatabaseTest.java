package org.revtrace.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseTest {

  @Test
  void readsTheExternalServerFromTheEnvironment() {
    Map<String, String> environment =
        Map.of(
            "REVTRACE_DB_URL", " jdbc:postgresql://db:5432/revtrace ",
            "REVTRACE_DB_USER", "revtrace",
            "REVTRACE_DB_PASSWORD", "secret");

    assertThat(Database.fromEnvironment(environment))
        .contains(new Database("jdbc:postgresql://db:5432/revtrace", "revtrace", "secret"));
  }

  @Test
  void noUrlMeansTheEmbeddedDatabase() {
    assertThat(Database.fromEnvironment(Map.of())).isEmpty();
    assertThat(Database.fromEnvironment(Map.of("REVTRACE_DB_URL", " "))).isEmpty();
  }

  @Test
  void rejectsANonPostgresUrl() {
    assertThatThrownBy(() -> new Database("jdbc:mysql://db/revtrace", "u", "p"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:mysql://db/revtrace");
  }

  @Test
  void keepsThePasswordOutOfItsText() {
    assertThat(new Database("jdbc:postgresql://db/revtrace", "u", "secret").toString())
        .doesNotContain("secret")
        .contains("***");
  }
}
