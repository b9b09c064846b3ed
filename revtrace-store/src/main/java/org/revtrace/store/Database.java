package org.revtrace.store;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where an external PostgreSQL server is: a JDBC URL and credentials.
 *
 * @param url for example {@code jdbc:postgresql://db.example.com:5432/revtrace}
 * @param user the role to log in as
 * @param password the role's password; may be empty for trust or peer authentication
 */
public record Database(String url, String user, String password) {

  /** Environment variable holding the JDBC URL; when unset, the embedded database is used. */
  public static final String URL_VARIABLE = "REVTRACE_DB_URL";

  /** Environment variable holding the user name. */
  public static final String USER_VARIABLE = "REVTRACE_DB_USER";

  /** Environment variable holding the password. */
  public static final String PASSWORD_VARIABLE = "REVTRACE_DB_PASSWORD";

  public Database {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: '" + url + "'");
    }
    user = user == null ? "" : user;
    password = password == null ? "" : password;
  }

  /**
   * The external database named by {@code REVTRACE_DB_URL}, {@code REVTRACE_DB_USER} and {@code
   * REVTRACE_DB_PASSWORD}, or empty when the URL is unset or blank.
   */
  public static Optional<Database> fromEnvironment(Map<String, String> environment) {
    String url = environment.get(URL_VARIABLE);
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new Database(
            url.trim(), environment.get(USER_VARIABLE), environment.get(PASSWORD_VARIABLE)));
  }

  /** A data source that opens a new connection per request; pool it in a server. */
  public DataSource dataSource() {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setURL(url);
    if (!user.isEmpty()) {
      source.setUser(user);
    }
    if (!password.isEmpty()) {
      source.setPassword(password);
    }
    return source;
  }

  /** Keeps the password out of logs. */
  @Override
  public String toString() {
    return "Database[url="
        + url
        + ", user="
        + user
        + ", password="
        + (password.isEmpty() ? "" : "***")
        + "]";
  }
}
