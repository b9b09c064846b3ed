package org.revtrace.app.demo;

import java.util.random.RandomGenerator;

/**
 * Draws which channels reach an account: each channel independently with its catalog reach,
 * adjusted for the account (tier A sees more events, partners and LinkedIn; global accounts see
 * Google and LinkedIn rather than Russian platforms). The sales channel is never drawn; it appears
 * only through meetings in a deal.
 */
final class ExposureModel {

  private final Catalog catalog;

  ExposureModel(Catalog catalog) {
    this.catalog = catalog;
  }

  /** A bit mask of exposed channel indices, never empty. */
  long draw(Account account, RandomGenerator rng) {
    long mask = 0;
    for (ChannelProfile channel : catalog.channels()) {
      double reach = Math.min(0.95, channel.reach() * factor(account, channel.key()));
      if (rng.nextDouble() < reach) {
        mask |= 1L << channel.index();
      }
    }
    return mask == 0 ? 1L << catalog.indexOf("direct") : mask;
  }

  private static double factor(Account account, String key) {
    double factor = 1;
    boolean eventsOrAbm =
        key.equals("conferences") || key.equals("linkedin_ads") || key.equals("partners");
    if (account.tier() == Account.Tier.A && (eventsOrAbm || key.equals("webinars"))) {
      factor *= 1.5;
    } else if (account.tier() == Account.Tier.C && eventsOrAbm) {
      factor *= 0.6;
    }
    if (account.global()) {
      factor *=
          switch (key) {
            case "google_ads" -> 2.2;
            case "linkedin_ads" -> 3.0;
            case "yandex_direct", "yandex_display" -> 0.3;
            case "vk_ads", "mytarget" -> 0.15;
            case "habr", "vc_ru", "conferences", "telegram_ads" -> 0.6;
            default -> 1.0;
          };
    }
    return factor;
  }
}
