package org.revtrace.app.demo;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo channels with their planted lifts, reach, UTMs, campaigns and spend profiles.
 *
 * <p>Lifts are the true effects the generator plants (see {@link ConversionModel}): webinars are
 * the strongest, partners and conferences strong, paid search moderate, display weak, direct and
 * sales meetings zero. Reach is how many accounts see a channel at all, so a strong but rare
 * channel (partners) contributes less in total than a strong common one (webinars).
 */
final class Catalog {

  static final String YANDEX_DIRECT = "yandex_direct";
  static final String WEBINARS = "webinars";
  static final String CONFERENCES = "conferences";
  static final String SALES = "sales";
  static final double BASE_RATE = 0.02;

  private static final ZoneOffset UTC = ZoneOffset.UTC;
  private static final ZoneOffset MSK = CsvValues.MOSCOW;

  private final List<ChannelProfile> channels = new ArrayList<>();
  private final int days;

  Catalog(int days) {
    this.days = days;
    SpendProfile.Pacing daily = SpendProfile.Pacing.DAILY;
    SpendProfile.Pacing monthly = SpendProfile.Pacing.MONTHLY;
    SpendProfile.Pacing perEvent = SpendProfile.Pacing.PER_EVENT;
    add(
        YANDEX_DIRECT,
        ChannelGroup.PAID_SEARCH,
        List.of("yandex"),
        "cpc",
        0.045,
        0.55,
        1.0,
        MSK,
        new SpendProfile("RUB", daily, 32_000, 55, 0.045),
        flight("brand_search", 0, 1),
        flight("competitors_search", 0, 1),
        flight("skvoznaya_analitika_generic", 0, 1),
        flight("b2b_crm_keywords", 0.3, 1),
        flight("retargeting_search", 0.1, 0.8));
    add(
        "google_ads",
        ChannelGroup.PAID_SEARCH,
        List.of("google"),
        "cpc",
        0.035,
        0.30,
        0.8,
        UTC,
        new SpendProfile("USD", daily, 130, 1.4, 0.035),
        flight("brand_en", 0, 1),
        flight("search_b2b_attribution", 0, 1),
        flight("search_ru_generic", 0, 0.7),
        flight("pmax_test", 0.5, 0.7));
    add(
        "vk_ads",
        ChannelGroup.PAID_SOCIAL,
        List.of("vk"),
        "cpc",
        0.02,
        0.30,
        0.7,
        MSK,
        new SpendProfile("RUB", daily, 11_000, 32, 0.008),
        flight("lookalike_customers", 0, 1),
        flight("retargeting_site", 0, 1),
        flight("interests_marketing", 0.2, 1));
    add(
        "mytarget",
        ChannelGroup.PAID_SOCIAL,
        List.of("mytarget"),
        "cpm",
        0.012,
        0.14,
        0.5,
        MSK,
        new SpendProfile("RUB", daily, 4_500, 28, 0.004),
        flight("ok_audience_b2b", 0, 1),
        flight("mail_ru_retargeting", 0, 0.6));
    add(
        "telegram_ads",
        ChannelGroup.PAID_SOCIAL,
        List.of("telegram_ads"),
        "cpm",
        0.02,
        0.16,
        0.5,
        MSK,
        new SpendProfile("EUR", daily, 40, 0.9, 0.012),
        flight("channels_marketing", 0, 1),
        flight("channels_sales_heads", 0.25, 1));
    add(
        "linkedin_ads",
        ChannelGroup.PAID_SOCIAL,
        List.of("linkedin"),
        "cpc",
        0.04,
        0.10,
        0.5,
        UTC,
        new SpendProfile("USD", daily, 140, 7.5, 0.006),
        flight("abm_tier_a", 0, 1),
        flight("cmo_global", 0.4, 1));
    add(
        "yandex_display",
        ChannelGroup.DISPLAY,
        List.of("yandex"),
        "display",
        0.006,
        0.45,
        0.9,
        MSK,
        new SpendProfile("RUB", daily, 14_000, 18, 0.0035),
        flight("rsya_lookalike", 0, 1),
        flight("rsya_retargeting", 0, 1),
        flight("smart_banners", 0.5, 1));
    add(
        "habr",
        ChannelGroup.SPONSORED_CONTENT,
        List.of("habr"),
        "sponsored",
        0.03,
        0.14,
        0.4,
        MSK,
        new SpendProfile("RUB", monthly, 180_000, 45, 0.01),
        flight("habr_special_project", 0, 1),
        flight("habr_article_series", 0.2, 1));
    add(
        "vc_ru",
        ChannelGroup.SPONSORED_CONTENT,
        List.of("vc.ru"),
        "sponsored",
        0.025,
        0.12,
        0.4,
        MSK,
        new SpendProfile("RUB", monthly, 140_000, 40, 0.01),
        flight("vc_case_study", 0, 1),
        flight("vc_founders_column", 0.3, 1));
    add(
        WEBINARS,
        ChannelGroup.WEBINARS,
        List.of("webinar"),
        "event",
        0.16,
        0.32,
        0.5,
        MSK,
        new SpendProfile("RUB", perEvent, 55_000, 60, 0.02));
    add(
        CONFERENCES,
        ChannelGroup.CONFERENCES,
        List.of("conference"),
        "offline",
        0.09,
        0.16,
        0.4,
        MSK,
        new SpendProfile("RUB", perEvent, 900_000, 0, 0));
    add(
        "partners",
        ChannelGroup.PARTNERS,
        List.of(
            "partner_integrator_alfa",
            "partner_1c_franchise",
            "partner_bitrix_gold",
            "partner_agency_kod"),
        "partner",
        0.12,
        0.12,
        0.5,
        MSK,
        new SpendProfile("RUB", monthly, 220_000, 0, 0),
        flight("partner_program", 0, 1));
    add(
        "seo",
        ChannelGroup.ORGANIC_SEARCH,
        List.of("yandex", "google"),
        "organic",
        0.035,
        0.50,
        0.9,
        MSK,
        null);
    add(
        "email",
        ChannelGroup.EMAIL,
        List.of("newsletter", "crm"),
        "email",
        0.025,
        0.40,
        1.2,
        MSK,
        null,
        flight("monthly_digest", 0, 1),
        flight("nurture_cfo", 0, 1),
        flight("webinar_invite", 0, 1),
        flight("case_study_mailing", 0.2, 1));
    add(
        "telegram",
        ChannelGroup.ORGANIC_SOCIAL,
        List.of("telegram"),
        "social",
        0.02,
        0.20,
        0.5,
        MSK,
        null,
        flight("channel_post", 0, 1));
    add(
        "referral",
        ChannelGroup.REFERRAL,
        List.of("vc.ru", "habr.com", "tadviser.ru", "rb.ru", "cnews.ru"),
        "referral",
        0.06,
        0.12,
        0.4,
        MSK,
        null);
    add("direct", ChannelGroup.DIRECT, List.of("(direct)"), "(none)", 0.0, 0.60, 1.0, MSK, null);
    add("calls", ChannelGroup.CALLS, List.of("phone"), "call", 0.04, 0.20, 0.4, MSK, null);
    add(SALES, ChannelGroup.SALES, List.of("crm"), "meeting", 0.0, 0.0, 0.0, MSK, null);
  }

  List<ChannelProfile> channels() {
    return channels;
  }

  ChannelProfile channel(int index) {
    return channels.get(index);
  }

  int size() {
    return channels.size();
  }

  /** The catalog index of a channel key; throws naming the key when unknown. */
  int indexOf(String key) {
    for (ChannelProfile channel : channels) {
      if (channel.key().equals(key)) {
        return channel.index();
      }
    }
    throw new IllegalArgumentException("unknown demo channel: " + key);
  }

  /** The planted lifts by channel index. */
  double[] lifts() {
    return channels.stream().mapToDouble(ChannelProfile::lift).toArray();
  }

  private Campaign flight(String name, double from, double to) {
    return new Campaign(name, (int) Math.round(from * days), (int) Math.round(to * days));
  }

  private void add(
      String key,
      ChannelGroup group,
      List<String> sources,
      String medium,
      double lift,
      double reach,
      double frequency,
      ZoneOffset offset,
      SpendProfile spend,
      Campaign... campaigns) {
    channels.add(
        new ChannelProfile(
            channels.size(),
            key,
            group,
            sources,
            medium,
            lift,
            reach,
            frequency,
            offset,
            spend,
            List.of(campaigns)));
  }
}
