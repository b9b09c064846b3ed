package org.revtrace.ingest.normalize;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.revtrace.core.model.Utm;

/**
 * The UTM tags and the ad click id carried in a landing page's query string, as analytics exports
 * (Yandex Metrica's start URL, GA4's {@code page_location}) hand them over.
 *
 * <p>Values are taken as written (URL-decoded once); {@link UtmNormalizer} cleans them later. Of
 * the click ids, {@code gclid}, {@code gbraid} and {@code wbraid} are Google Ads, {@code yclid}
 * Yandex Direct and {@code fbclid} Facebook; {@code ysclid} (Yandex organic search) is not an ad
 * click.
 *
 * @param utm the five tags, absent ones null
 * @param clickIdKind {@code gclid}, {@code yclid} or {@code fbclid} (the Google variants are
 *     reported as {@code gclid}), or null
 * @param clickId the click id's value, or null
 */
public record UrlTags(Utm utm, String clickIdKind, String clickId) {

  /** No tags and no click id. */
  public static final UrlTags NONE = new UrlTags(Utm.NONE, null, null);

  public UrlTags {
    utm = utm == null ? Utm.NONE : utm;
  }

  /** The tags of {@code url}'s query string (the fragment is ignored); NONE for null or blank. */
  public static UrlTags of(String url) {
    if (url == null) {
      return NONE;
    }
    int question = url.indexOf('?');
    if (question < 0) {
      return NONE;
    }
    int hash = url.indexOf('#', question);
    String query = url.substring(question + 1, hash < 0 ? url.length() : hash);
    String source = null;
    String medium = null;
    String campaign = null;
    String content = null;
    String term = null;
    String kind = null;
    String id = null;
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        continue;
      }
      String key = pair.substring(0, equals).toLowerCase(Locale.ROOT);
      String value = decode(pair.substring(equals + 1));
      if (value.isBlank()) {
        continue;
      }
      switch (key) {
        case "utm_source" -> source = source == null ? value : source;
        case "utm_medium" -> medium = medium == null ? value : medium;
        case "utm_campaign" -> campaign = campaign == null ? value : campaign;
        case "utm_content" -> content = content == null ? value : content;
        case "utm_term" -> term = term == null ? value : term;
        case "gclid", "gbraid", "wbraid", "yclid", "fbclid" -> {
          if (kind == null) {
            kind = key.equals("yclid") || key.equals("fbclid") ? key : "gclid";
            id = value;
          }
        }
        default -> {
          // other parameters do not name a source
        }
      }
    }
    return new UrlTags(new Utm(source, medium, campaign, content, term), kind, id);
  }

  /**
   * {@code utm} with source and medium filled from an ad click id when both are blank: gclid →
   * google / cpc, yclid → yandex / cpc, fbclid → facebook / paid_social (as the web tracker does).
   */
  public static Utm withClickSource(Utm utm, String clickIdKind) {
    Utm tags = utm == null ? Utm.NONE : utm;
    if (clickIdKind == null || !blank(tags.source()) || !blank(tags.medium())) {
      return tags;
    }
    return switch (clickIdKind) {
      case "gclid" -> new Utm("google", "cpc", tags.campaign(), tags.content(), tags.term());
      case "yclid" -> new Utm("yandex", "cpc", tags.campaign(), tags.content(), tags.term());
      case "fbclid" ->
          new Utm("facebook", "paid_social", tags.campaign(), tags.content(), tags.term());
      default -> tags;
    };
  }

  /** True when the URL's tags carry a source or a medium. */
  public boolean hasSource() {
    return !blank(utm.source()) || !blank(utm.medium());
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** Decodes {@code %XX} (UTF-8) and {@code +}; a malformed escape leaves the value as written. */
  private static String decode(String value) {
    try {
      return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return value;
    }
  }
}
