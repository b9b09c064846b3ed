package org.revtrace.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.revtrace.store.StoreException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * API tokens for scripts, in table {@code api_tokens} (migration V4), kept only as SHA-256 hashes:
 * a token is 32 random bytes, so a plain hash (unlike a password) cannot be guessed back. A token
 * acts as its owner with at most its own role, never above the owner's current role, and stops
 * working when revoked or when its owner is disabled.
 */
final class ApiTokens {

  /** A token just issued: the only moment its text exists outside the caller. */
  record IssuedToken(TokenRecord record, String token) {

    /** Keeps the token out of logs. */
    @Override
    public String toString() {
      return "IssuedToken[" + record + ", token=***]";
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String COLUMNS = "id, name, owner, role, created_at, last_used, revoked_at";

  private final DataSource dataSource;

  ApiTokens(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** Creates a new random token for {@code owner} and returns it; only its hash is kept. */
  IssuedToken issue(String owner, String name, Role role) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = "rt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new IssuedToken(insert(token, owner, name, role), token);
  }

  /**
   * Accepts a token chosen by the operator (e.g. from {@code REVTRACE_API_TOKEN}); registering a
   * token that is already stored does nothing.
   */
  void register(String token, String owner, String name, Role role) {
    if (token.length() < 16) {
      throw new IllegalArgumentException("an API token needs at least 16 characters");
    }
    if (find(hash(token)).isEmpty()) {
      insert(token, owner, name, role);
    }
  }

  private TokenRecord insert(String token, String owner, String name, Role role) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into api_tokens (name, token_hash, owner, role) values (?, ?, ?, ?)"
                    + " on conflict (token_hash) do nothing returning "
                    + COLUMNS)) {
      insert.setString(1, name);
      insert.setString(2, hash(token));
      insert.setString(3, owner);
      insert.setString(4, role.code());
      try (ResultSet row = insert.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("token already registered");
        }
        return record(row);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot store a token of " + owner + ": " + e.getMessage(), e);
    }
  }

  /** The authentication of a presented token, or empty if it is unknown, revoked or disabled. */
  Optional<Authentication> authenticate(String token) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "select t.id, t.owner, t.role, u.role from api_tokens t"
                    + " join users u on u.username = t.owner"
                    + " where t.token_hash = ? and t.revoked_at is null and u.enabled")) {
      select.setString(1, hash(token));
      long id;
      String owner;
      Role role;
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        id = row.getLong(1);
        owner = row.getString(2);
        role = role(row.getString(3)).atMost(role(row.getString(4)));
      }
      try (Statement touch = connection.createStatement()) {
        // To the minute: one write per token and minute, not one per request.
        touch.executeUpdate(
            "update api_tokens set last_used = now() where id = "
                + id
                + " and (last_used is null or last_used < now() - interval '1 minute')");
      }
      return Optional.of(
          UsernamePasswordAuthenticationToken.authenticated(
              owner, null, List.of(new SimpleGrantedAuthority(role.authority()))));
    } catch (SQLException e) {
      throw new StoreException("cannot check a token: " + e.getMessage(), e);
    }
  }

  /** Every token (active and revoked), newest first. */
  List<TokenRecord> list() {
    return select("select " + COLUMNS + " from api_tokens order by id desc", null);
  }

  /** The tokens of {@code owner}, newest first. */
  List<TokenRecord> listOf(String owner) {
    return select("select " + COLUMNS + " from api_tokens where owner = ? order by id desc", owner);
  }

  /** The token numbered {@code id}, or empty. */
  Optional<TokenRecord> find(long id) {
    return select("select " + COLUMNS + " from api_tokens where id = " + id, null).stream()
        .findFirst();
  }

  private Optional<TokenRecord> find(String hash) {
    return select("select " + COLUMNS + " from api_tokens where token_hash = ?", hash).stream()
        .findFirst();
  }

  /** Revokes a token; false when it is unknown or already revoked. */
  boolean revoke(long id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "update api_tokens set revoked_at = now() where id = ? and revoked_at is null")) {
      update.setLong(1, id);
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StoreException("cannot revoke token " + id + ": " + e.getMessage(), e);
    }
  }

  private List<TokenRecord> select(String sql, String parameter) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      if (parameter != null) {
        select.setString(1, parameter);
      }
      List<TokenRecord> tokens = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          tokens.add(record(row));
        }
      }
      return List.copyOf(tokens);
    } catch (SQLException e) {
      throw new StoreException("cannot read tokens: " + e.getMessage(), e);
    }
  }

  private static TokenRecord record(ResultSet row) throws SQLException {
    return new TokenRecord(
        row.getLong(1),
        row.getString(2),
        row.getString(3),
        role(row.getString(4)),
        row.getObject(5, OffsetDateTime.class).toInstant(),
        UserAccounts.instant(row.getObject(6, OffsetDateTime.class)),
        UserAccounts.instant(row.getObject(7, OffsetDateTime.class)));
  }

  private static Role role(String code) {
    return Role.parse(code).orElseThrow(() -> new IllegalStateException("unknown role in store"));
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
