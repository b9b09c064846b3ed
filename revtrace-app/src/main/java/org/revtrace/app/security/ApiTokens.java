package org.revtrace.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * API tokens for scripts, kept only as SHA-256 hashes: a token is 32 random bytes, so a plain hash
 * (unlike a password) cannot be guessed back.
 */
final class ApiTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Who a token acts as. */
  private record Holder(String username, Role role) {}

  private final Map<String, Holder> byHash = new ConcurrentHashMap<>();

  /** Creates a new random token for {@code username} and returns it; only its hash is kept. */
  String issue(String username, Role role) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = "rt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    register(token, username, role);
    return token;
  }

  /** Accepts a token chosen by the operator (e.g. from {@code REVTRACE_API_TOKEN}). */
  void register(String token, String username, Role role) {
    if (token.length() < 16) {
      throw new IllegalArgumentException("an API token needs at least 16 characters");
    }
    byHash.put(hash(token), new Holder(username, role));
  }

  /** The authentication of a presented token, or empty if no such token exists. */
  Optional<Authentication> authenticate(String token) {
    Holder holder = byHash.get(hash(token));
    if (holder == null) {
      return Optional.empty();
    }
    return Optional.of(
        UsernamePasswordAuthenticationToken.authenticated(
            holder.username(),
            null,
            List.of(new SimpleGrantedAuthority(holder.role().authority()))));
  }

  private static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
