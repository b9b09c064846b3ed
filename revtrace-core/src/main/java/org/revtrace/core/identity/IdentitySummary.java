package org.revtrace.core.identity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What identity resolution did, in numbers.
 *
 * @param identifiers people before resolution: every contact id, visitor id, and lead naming
 *     neither
 * @param people people after resolution
 * @param leads leads before duplicate merging
 * @param survivingLeads leads after it (the ones counted)
 * @param derivedAccounts accounts made from a corporate e-mail domain no account has
 * @param merges merges per rule, every rule present (zero when none)
 * @param refusedKeys keys not used because too many people share them, by rule, then most people
 *     first, then key
 */
public record IdentitySummary(
    int identifiers,
    int people,
    int leads,
    int survivingLeads,
    int derivedAccounts,
    Map<MergeRule, Integer> merges,
    List<RefusedKey> refusedKeys) {

  public IdentitySummary {
    EnumMap<MergeRule, Integer> all = new EnumMap<>(MergeRule.class);
    for (MergeRule rule : MergeRule.values()) {
      all.put(rule, merges.getOrDefault(rule, 0));
    }
    merges = Collections.unmodifiableMap(all);
    refusedKeys = List.copyOf(Objects.requireNonNull(refusedKeys, "refusedKeys"));
  }

  /** Merges made by one rule. */
  public int merges(MergeRule rule) {
    return merges.get(rule);
  }
}
