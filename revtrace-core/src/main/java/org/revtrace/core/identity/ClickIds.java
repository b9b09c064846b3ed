package org.revtrace.core.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ad click ids in landing-page addresses: {@code gclid} (Google Ads), {@code yclid} (Yandex
 * Direct), {@code fbclid} (Meta).
 *
 * <p>A click id names one ad click, so a touch and a lead carrying the same one are the same
 * person. The key is the value as written (click ids are case-sensitive), without the parameter
 * name, so a lead's bare {@code click_id} matches a landing page's {@code gclid=}.
 */
public final class ClickIds {

  private static final List<String> NAMES = List.of("gclid", "yclid", "fbclid");

  private ClickIds() {}

  /** The click ids in a URL's query string, in order, without repeats; empty when none. */
  public static List<String> inUrl(String url) {
    if (url == null || !url.contains("clid=")) {
      return List.of();
    }
    int query = url.indexOf('?');
    if (query < 0) {
      return List.of();
    }
    int end = url.indexOf('#', query);
    String params = url.substring(query + 1, end < 0 ? url.length() : end);
    List<String> ids = new ArrayList<>(1);
    for (String pair : params.split("&")) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        continue;
      }
      String id = valueOf(pair.substring(0, equals), pair.substring(equals + 1));
      if (id != null && !ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  /**
   * The click id of a lead's {@code click_id} value: a bare id, or {@code gclid=…}, {@code yclid=…}
   * or {@code fbclid=…} as copied from an address; null when blank.
   */
  public static String ofColumn(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.trim();
    int equals = trimmed.indexOf('=');
    if (equals > 0) {
      String id = valueOf(trimmed.substring(0, equals), trimmed.substring(equals + 1));
      if (id != null) {
        return id;
      }
    }
    return trimmed;
  }

  private static String valueOf(String name, String value) {
    String trimmed = value.trim();
    return NAMES.contains(name.trim().toLowerCase(Locale.ROOT)) && !trimmed.isEmpty()
        ? trimmed
        : null;
  }
}
