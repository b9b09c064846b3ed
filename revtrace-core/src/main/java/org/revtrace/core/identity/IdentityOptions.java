package org.revtrace.core.identity;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Settings of identity resolution.
 *
 * @param maxPeoplePerKey a click id, e-mail, phone or visitor id carried by more people than this
 *     (counted after the stronger rules) is not used to merge and is reported; at least 1
 * @param duplicateLeadWindow later leads of a person created at most this long after the surviving
 *     lead are duplicates of it; {@link Duration#ZERO} turns duplicate merging off
 * @param freeMailDomains e-mail domains that name no company (lower case)
 * @param deriveAccounts whether a corporate e-mail domain that no account has becomes an account of
 *     its own ({@code domain:example.com}), so its people still form a buying committee
 */
public record IdentityOptions(
    int maxPeoplePerKey,
    Duration duplicateLeadWindow,
    Set<String> freeMailDomains,
    boolean deriveAccounts) {

  /** The default limit of people sharing one key. */
  public static final int DEFAULT_MAX_PEOPLE_PER_KEY = 5;

  /** The default duplicate-lead window. */
  public static final Duration DEFAULT_DUPLICATE_LEAD_WINDOW = Duration.ofDays(30);

  public IdentityOptions {
    if (maxPeoplePerKey < 1) {
      throw new IllegalArgumentException("maxPeoplePerKey must be at least 1: " + maxPeoplePerKey);
    }
    Objects.requireNonNull(duplicateLeadWindow, "duplicateLeadWindow");
    if (duplicateLeadWindow.isNegative()) {
      throw new IllegalArgumentException(
          "duplicateLeadWindow must not be negative: " + duplicateLeadWindow);
    }
    freeMailDomains =
        freeMailDomains.stream()
            .map(domain -> domain.trim().toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * At most 5 people per key, a 30-day duplicate window, the bundled free-mail list, derived
   * accounts.
   */
  public static IdentityOptions defaults() {
    return new IdentityOptions(
        DEFAULT_MAX_PEOPLE_PER_KEY, DEFAULT_DUPLICATE_LEAD_WINDOW, FreeMailDomains.bundled(), true);
  }

  public IdentityOptions withMaxPeoplePerKey(int max) {
    return new IdentityOptions(max, duplicateLeadWindow, freeMailDomains, deriveAccounts);
  }

  public IdentityOptions withDuplicateLeadWindow(Duration window) {
    return new IdentityOptions(maxPeoplePerKey, window, freeMailDomains, deriveAccounts);
  }

  public IdentityOptions withFreeMailDomains(Set<String> domains) {
    return new IdentityOptions(maxPeoplePerKey, duplicateLeadWindow, domains, deriveAccounts);
  }

  public IdentityOptions withDeriveAccounts(boolean derive) {
    return new IdentityOptions(maxPeoplePerKey, duplicateLeadWindow, freeMailDomains, derive);
  }
}
