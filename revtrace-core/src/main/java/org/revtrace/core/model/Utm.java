package org.revtrace.core.model;

/**
 * UTM tags of a click or visit; any field may be null when the link carried none.
 *
 * @param source utm_source, e.g. {@code yandex}
 * @param medium utm_medium, e.g. {@code cpc}
 * @param campaign utm_campaign
 * @param content utm_content
 * @param term utm_term
 */
public record Utm(String source, String medium, String campaign, String content, String term) {

  public static final Utm NONE = new Utm(null, null, null, null, null);

  public Utm {
    source = Text.blankToNull(source);
    medium = Text.blankToNull(medium);
    campaign = Text.blankToNull(campaign);
    content = Text.blankToNull(content);
    term = Text.blankToNull(term);
  }

  /** True when no tag is set. */
  public boolean isEmpty() {
    return source == null && medium == null && campaign == null && content == null && term == null;
  }
}
