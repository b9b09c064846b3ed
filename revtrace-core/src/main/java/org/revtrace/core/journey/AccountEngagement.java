package org.revtrace.core.journey;

import java.time.Instant;
import java.util.Objects;

/**
 * One account's engagement score.
 *
 * @param accountId the account
 * @param score Σ weight(type) × 2^(−age / half-life) over its touches up to the reference
 * @param touches how many touches were scored
 * @param lastTouch its latest scored touch
 */
public record AccountEngagement(String accountId, double score, long touches, Instant lastTouch) {

  public AccountEngagement {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(lastTouch, "lastTouch");
    if (score < 0 || touches <= 0) {
      throw new IllegalArgumentException("bad engagement of " + accountId + ": " + score);
    }
  }
}
