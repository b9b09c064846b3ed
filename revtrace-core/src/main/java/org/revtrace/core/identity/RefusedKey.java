package org.revtrace.core.identity;

import java.util.Objects;

/**
 * A key that was not used to merge because too many people share it (an office phone, an {@code
 * info@} address, a shared computer's visitor id).
 *
 * @param rule the rule the key belongs to
 * @param key the key, masked as in {@link Merge#key()}
 * @param people how many people (resolved by the stronger rules) carry it
 */
public record RefusedKey(MergeRule rule, String key, int people) {

  public RefusedKey {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(key, "key");
  }
}
