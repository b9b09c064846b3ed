package org.revtrace.app.collect;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.revtrace.core.model.Utm;

/**
 * A page address the tracker reported, read on the server (the script's own parsing is not
 * trusted): http(s) only, without the fragment, its UTM tags and the first ad click id found
 * (gclid, yclid, fbclid).
 */
record PageAddress(String url, Utm utm, String clickId, String clickIdKind) {

  static final int MAX_LENGTH = 2_048;

  private static final String[] CLICK_IDS = {"gclid", "yclid", "fbclid"};

  /** The address, or empty when it is not an absolute http(s) URL of at most 2,048 characters. */
  static Optional<PageAddress> parse(String text) {
    if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      return Optional.empty();
    }
    Map<String, String> query = query(uri.getRawQuery());
    String url = text.strip();
    int hash = url.indexOf('#');
    if (hash >= 0) {
      url = url.substring(0, hash);
    }
    Utm utm =
        new Utm(
            query.get("utm_source"),
            query.get("utm_medium"),
            query.get("utm_campaign"),
            query.get("utm_content"),
            query.get("utm_term"));
    for (String kind : CLICK_IDS) {
      String id = query.get(kind);
      if (id != null && !id.isBlank()) {
        return Optional.of(new PageAddress(url, utm, id, kind));
      }
    }
    return Optional.of(new PageAddress(url, utm, null, null));
  }

  /** A referrer: kept only when it is an absolute http(s) URL. */
  static String referrer(String text) {
    return parse(text).map(PageAddress::url).orElse(null);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> values = new LinkedHashMap<>();
    if (raw == null) {
      return values;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals)).toLowerCase(Locale.ROOT);
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      values.putIfAbsent(name, value);
    }
    return values;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text; // a stray % stays as it was
    }
  }
}
