package org.revtrace.app.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.revtrace.store.StoreException;

/** The users of table {@code users} (migration V4): accounts, BCrypt hashes, roles, last logins. */
final class UserAccounts {

  /** A user with the password hash, for authentication only. */
  record StoredUser(UserAccount account, String passwordHash) {}

  /** What {@link #update} did. */
  enum UpdateResult {
    UPDATED,
    UNKNOWN_USER,
    LAST_ADMIN
  }

  private static final String COLUMNS = "username, role, enabled, created_at, last_login";

  private final DataSource dataSource;

  UserAccounts(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** Every user, by name. */
  List<UserAccount> list() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("select " + COLUMNS + " from users order by username");
        ResultSet row = select.executeQuery()) {
      List<UserAccount> users = new ArrayList<>();
      while (row.next()) {
        users.add(account(row));
      }
      return List.copyOf(users);
    } catch (SQLException e) {
      throw new StoreException("cannot list users: " + e.getMessage(), e);
    }
  }

  /** The user named {@code username}, or empty. */
  Optional<UserAccount> find(String username) {
    return findStored(username).map(StoredUser::account);
  }

  /** The user named {@code username} with the password hash, or empty. */
  Optional<StoredUser> findStored(String username) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "select " + COLUMNS + ", password_hash from users where username = ?")) {
      select.setString(1, username);
      try (ResultSet row = select.executeQuery()) {
        return row.next()
            ? Optional.of(new StoredUser(account(row), row.getString(6)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read user " + username + ": " + e.getMessage(), e);
    }
  }

  /** Whether any user has the admin role (enabled or not). */
  boolean anyAdmin() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("select exists (select 1 from users where role = ?)")) {
      select.setString(1, Role.ADMIN.code());
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getBoolean(1);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot look for an admin: " + e.getMessage(), e);
    }
  }

  /** Creates an enabled user; false when the name is taken. */
  boolean create(String username, String passwordHash, Role role) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into users (username, password_hash, role) values (?, ?, ?)"
                    + " on conflict (username) do nothing")) {
      insert.setString(1, username);
      insert.setString(2, passwordHash);
      insert.setString(3, role.code());
      return insert.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StoreException("cannot create user " + username + ": " + e.getMessage(), e);
    }
  }

  /**
   * Sets the role and the enabled flag of a user in one transaction, refusing a change that would
   * leave no enabled admin.
   */
  UpdateResult update(String username, Role role, boolean enabled) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        UpdateResult result = updateIn(connection, username, role, enabled);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot update user " + username + ": " + e.getMessage(), e);
    }
  }

  private static UpdateResult updateIn(
      Connection connection, String username, Role role, boolean enabled) throws SQLException {
    // Lock the enabled admins in name order first (one order for every transaction, so two
    // concurrent demotions cannot deadlock), then the user: the count cannot change under us.
    List<String> admins = new ArrayList<>();
    try (PreparedStatement lock =
        connection.prepareStatement(
            "select username from users where role = ? and enabled order by username for update")) {
      lock.setString(1, Role.ADMIN.code());
      try (ResultSet row = lock.executeQuery()) {
        while (row.next()) {
          admins.add(row.getString(1));
        }
      }
    }
    try (PreparedStatement lock =
        connection.prepareStatement("select 1 from users where username = ? for update")) {
      lock.setString(1, username);
      try (ResultSet row = lock.executeQuery()) {
        if (!row.next()) {
          return UpdateResult.UNKNOWN_USER;
        }
      }
    }
    boolean staysAdmin = role == Role.ADMIN && enabled;
    if (admins.equals(List.of(username)) && !staysAdmin) {
      return UpdateResult.LAST_ADMIN;
    }
    try (PreparedStatement update =
        connection.prepareStatement("update users set role = ?, enabled = ? where username = ?")) {
      update.setString(1, role.code());
      update.setBoolean(2, enabled);
      update.setString(3, username);
      update.executeUpdate();
    }
    return UpdateResult.UPDATED;
  }

  /** Replaces a user's password hash; false for an unknown user. */
  boolean setPasswordHash(String username, String passwordHash) {
    return executeUpdate(
        "update users set password_hash = ? where username = ?", passwordHash, username);
  }

  /** Records a successful login now. */
  void recordLogin(String username) {
    executeUpdate("update users set last_login = now() where username = ?", username);
  }

  private boolean executeUpdate(String sql, String... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        update.setString(i + 1, parameters[i]);
      }
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StoreException("cannot update users: " + e.getMessage(), e);
    }
  }

  private static UserAccount account(ResultSet row) throws SQLException {
    return new UserAccount(
        row.getString(1),
        Role.parse(row.getString(2))
            .orElseThrow(() -> new IllegalStateException("unknown role in store")),
        row.getBoolean(3),
        row.getObject(4, OffsetDateTime.class).toInstant(),
        instant(row.getObject(5, OffsetDateTime.class)));
  }

  static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
