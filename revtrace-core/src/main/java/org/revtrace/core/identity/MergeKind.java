package org.revtrace.core.identity;

import java.util.Locale;

/** What a merge joined: two identifiers into one person, a person into an account, two leads. */
public enum MergeKind {
  PERSON,
  ACCOUNT,
  LEAD;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
