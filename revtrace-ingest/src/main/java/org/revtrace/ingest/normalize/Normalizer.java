package org.revtrace.ingest.normalize;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.Cost;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.Spend;
import org.revtrace.core.model.Touchpoint;
import org.revtrace.core.model.Utm;

/**
 * Applies the normalisation to imported data: cleans UTMs, lower-cases channel names and fills a
 * blank lead channel from its UTMs by the channel grouping. Currency is converted later, by the
 * dataset builder ({@link CurrencyConverter}). Returns new records; normalising twice equals once.
 */
public final class Normalizer {

  private final UtmNormalizer utms;
  private final ChannelGrouping grouping;

  public Normalizer(UtmNormalizer utms, ChannelGrouping grouping) {
    this.utms = utms;
    this.grouping = grouping;
  }

  /** The bundled synonym tables and default channel rules. */
  public static Normalizer defaults() {
    return new Normalizer(new UtmNormalizer(), ChannelGrouping.defaults());
  }

  public CanonicalData normalize(CanonicalData data) {
    return new CanonicalData(
        map(data.spend(), this::spend),
        map(data.touchpoints(), this::touchpoint),
        map(data.leads(), this::lead),
        data.deals(),
        data.stageChanges(),
        data.payments(),
        data.accounts(),
        data.contacts(),
        map(data.costs(), this::cost),
        data.rates());
  }

  Touchpoint touchpoint(Touchpoint touch) {
    Utm utm = utms.normalize(touch.utm());
    return new Touchpoint(
        touch.id(),
        touch.occurredAt(),
        channel(touch.channel()),
        touch.visitorId(),
        touch.contactId(),
        touch.accountId(),
        touch.type(),
        utm,
        touch.landingPage(),
        touch.referrer());
  }

  Lead lead(Lead lead) {
    Utm utm = utms.normalize(lead.utm());
    String channel = channel(lead.channel());
    if (channel == null) {
      channel = grouping.group(null, utm, null, null);
    }
    return new Lead(
        lead.id(),
        lead.createdAt(),
        lead.contactId(),
        lead.accountId(),
        lead.visitorId(),
        lead.email(),
        lead.phone(),
        channel,
        utm,
        lead.mqlAt(),
        lead.sqlAt(),
        lead.firstResponseAt(),
        lead.clickId());
  }

  Spend spend(Spend spend) {
    return new Spend(
        spend.date(),
        channel(spend.channel()),
        utms.normalize(spend.utm()),
        spend.impressions(),
        spend.clicks(),
        spend.cost(),
        spend.conversions());
  }

  Cost cost(Cost cost) {
    return new Cost(cost.date(), cost.category(), cost.amount(), channel(cost.channel()));
  }

  /** Channel names are compared case-insensitively everywhere, so they are stored lower-case. */
  private static String channel(String channel) {
    if (channel == null || channel.isBlank()) {
      return null;
    }
    return channel.trim().toLowerCase(Locale.ROOT);
  }

  private static <T> List<T> map(List<T> items, Function<T, T> function) {
    return items.stream().map(function).toList();
  }
}
