package org.revtrace.app.collect;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Known crawlers, link previewers, monitoring and scripted clients, by their User-Agent; a missing
 * User-Agent counts as a bot (every browser sends one).
 */
final class Bots {

  private static final Pattern AGENTS =
      Pattern.compile(
          "bot|crawl|spider|slurp|yandex(bot|metrika|direct)|bingpreview|mediapartners|"
              + "facebookexternalhit|headless|phantomjs|lighthouse|pingdom|uptime|monitor|"
              + "python-requests|python-urllib|curl/|wget/|go-http-client|java/|okhttp|"
              + "httpclient|libwww|scrapy|preview");

  private Bots() {}

  static boolean isBot(String userAgent) {
    return userAgent == null
        || userAgent.isBlank()
        || AGENTS.matcher(userAgent.toLowerCase(Locale.ROOT)).find();
  }
}
