package org.revtrace.app.collect;

import java.util.List;

/**
 * The collector's settings ({@code revtrace.collect.*}).
 *
 * @param allowedOrigins sites whose pages may call {@code /collect} and read the answer, e.g.
 *     {@code https://www.example.com}
 * @param cookieDomain the visitor cookie's domain (e.g. {@code example.com} when the collector runs
 *     on {@code rt.example.com}); blank: the collector's own host
 */
record CollectorSettings(List<String> allowedOrigins, String cookieDomain) {

  CollectorSettings {
    allowedOrigins = List.copyOf(allowedOrigins);
    cookieDomain = cookieDomain == null ? "" : cookieDomain.strip();
  }
}
