package org.revtrace.app.demo;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Turns planned touches into clean {@code touchpoints.csv} rows with UTMs consistent with the
 * channel: source and medium, campaign, ad content, search terms, landing page and referrer. Google
 * and LinkedIn touches are reported in UTC, the rest in Moscow time.
 */
final class TouchRows {

  static final int ID = 0;
  static final int OCCURRED_AT = 1;
  static final int CHANNEL = 2;
  static final int SOURCE = 7;
  static final int MEDIUM = 8;
  static final int CAMPAIGN = 9;
  static final int CONTENT = 10;
  static final int TERM = 11;

  private static final String SITE = "https://revtrace-demo.ru";
  private static final List<String> SEARCH_TERMS =
      List.of(
          "сквозная аналитика",
          "сквозная аналитика для b2b",
          "roi маркетинга",
          "crm аналитика продаж",
          "атрибуция лидов",
          "b2b marketing attribution",
          "revtrace");
  private static final List<String> CREATIVES =
      List.of("video_case_15s", "carousel_features", "banner_240x400", "lead_form_offer");
  private static final List<String> PAGES =
      List.of("/", "/pricing", "/cases/manufacturing", "/blog/skvoznaya-analitika", "/features");

  private final Catalog catalog;

  TouchRows(Catalog catalog) {
    this.catalog = catalog;
  }

  String[] cells(Touch touch, String id, RandomGenerator rng) {
    ChannelProfile profile = catalog.channel(touch.channel());
    List<String> sources = profile.sources();
    String source =
        sources.size() == 1 || rng.nextDouble() < 0.6
            ? sources.get(0)
            : sources.get(1 + rng.nextInt(sources.size() - 1));
    boolean known = touch.contact() != null && !touch.anonymous();
    return new String[] {
      id,
      CsvValues.timestamp(touch.at(), profile.offset()),
      profile.key(),
      touch.visitorId(),
      known ? touch.contact().id() : "",
      known ? touch.contact().accountId() : "",
      touch.type().code(),
      source,
      profile.medium(),
      touch.campaign(),
      content(profile.group(), rng),
      profile.group() == ChannelGroup.PAID_SEARCH
          ? SEARCH_TERMS.get(rng.nextInt(SEARCH_TERMS.size()))
          : "",
      landingPage(touch, rng),
      referrer(profile.group(), source)
    };
  }

  private static String content(ChannelGroup group, RandomGenerator rng) {
    return switch (group) {
      case PAID_SOCIAL, DISPLAY -> CREATIVES.get(rng.nextInt(CREATIVES.size()));
      case PAID_SEARCH -> rng.nextBoolean() ? "text_ad_a" : "text_ad_b";
      case EMAIL -> rng.nextBoolean() ? "button_cta" : "header_link";
      case SPONSORED_CONTENT,
          WEBINARS,
          CONFERENCES,
          PARTNERS,
          ORGANIC_SEARCH,
          ORGANIC_SOCIAL,
          REFERRAL,
          DIRECT,
          CALLS,
          SALES ->
          "";
    };
  }

  private static String landingPage(Touch touch, RandomGenerator rng) {
    return switch (touch.type()) {
      case AD_CLICK, VISIT, CHAT -> SITE + PAGES.get(rng.nextInt(PAGES.size()));
      case FORM -> SITE + (rng.nextBoolean() ? "/demo" : "/contact");
      case WEBINAR -> SITE + "/webinars/" + touch.campaign();
      case EMAIL, EVENT, CALL, MEETING, OTHER -> "";
    };
  }

  private static String referrer(ChannelGroup group, String source) {
    return switch (group) {
      case ORGANIC_SEARCH -> source.equals("google") ? "https://www.google.com/" : "https://ya.ru/";
      case REFERRAL -> "https://" + source + "/";
      case ORGANIC_SOCIAL -> "https://t.me/";
      case SPONSORED_CONTENT -> source.equals("habr") ? "https://habr.com/" : "https://vc.ru/";
      case PAID_SEARCH,
          PAID_SOCIAL,
          DISPLAY,
          WEBINARS,
          CONFERENCES,
          PARTNERS,
          EMAIL,
          DIRECT,
          CALLS,
          SALES ->
          "";
    };
  }
}
