package org.revtrace.core.identity;

import java.util.Objects;

/**
 * One merge and the rule that made it.
 *
 * <p>Ids are prefixed with what they name: {@code contact:c1}, {@code visitor:v1}, {@code lead:L1},
 * {@code account:a1} (a derived account is {@code account:domain:example.com}). For a person merge
 * {@code from} and {@code into} are two identifiers that share {@code key}; for an account merge
 * {@code from} is the person (its first identifier) and {@code into} the account; for a lead merge
 * {@code from} is the duplicate and {@code into} the surviving lead. The key is shown masked:
 * hashes and click ids are cut to a prefix, raw phones and e-mails are never shown whole.
 *
 * @param kind what was merged
 * @param rule why
 * @param from the id merged in
 * @param into the id it was merged with
 * @param key the shared key, masked
 */
public record Merge(MergeKind kind, MergeRule rule, String from, String into, String key) {

  public Merge {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(into, "into");
    Objects.requireNonNull(key, "key");
    if (rule.kind() != kind) {
      throw new IllegalArgumentException("rule " + rule + " does not merge a " + kind);
    }
  }
}
