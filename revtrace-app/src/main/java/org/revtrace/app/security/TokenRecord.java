package org.revtrace.app.security;

import java.time.Instant;
import java.util.Objects;

/**
 * An API token as administrators see it: everything but the token, which is kept only as a hash.
 *
 * @param id the token's number, for revoking it
 * @param name what the token is for, as its issuer named it
 * @param owner the user the token acts as
 * @param role what the token may do: at most the owner's role
 * @param createdAt when it was issued
 * @param lastUsed when a request last presented it (to the minute); null if never
 * @param revokedAt when it was revoked; null while it works
 */
record TokenRecord(
    long id,
    String name,
    String owner,
    Role role,
    Instant createdAt,
    Instant lastUsed,
    Instant revokedAt) {

  TokenRecord {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Whether the token still authenticates (if its owner is enabled). */
  public boolean active() {
    return revokedAt == null;
  }
}
