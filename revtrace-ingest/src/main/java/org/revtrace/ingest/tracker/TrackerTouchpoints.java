package org.revtrace.ingest.tracker;

import java.util.ArrayList;
import java.util.List;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.Touchpoint;
import org.revtrace.core.model.TrackedEvent;
import org.revtrace.core.model.Utm;
import org.revtrace.ingest.normalize.ChannelGrouping;
import org.revtrace.ingest.normalize.UtmNormalizer;

/**
 * Turns tracker events into touchpoints of their visitor: id {@code web:<event id>}, the time the
 * collector received it, UTM tags normalised as imported touchpoints' are, and the channel from the
 * channel grouping rules (UTM source/medium, then the referrer: paid_search, organic_search,
 * referral, direct, …), as a lead's blank channel is filled. An ad click id without UTM tags marks
 * the visit as paid: gclid → google / cpc, yclid → yandex / cpc, fbclid → facebook / paid_social. A
 * lead whose form carried {@code revtrace_visitor_id} joins these visits through the visitor id.
 */
public final class TrackerTouchpoints {

  private final UtmNormalizer utms;
  private final ChannelGrouping grouping;

  public TrackerTouchpoints(UtmNormalizer utms, ChannelGrouping grouping) {
    this.utms = utms;
    this.grouping = grouping;
  }

  /** With the default UTM synonyms and channel rules. */
  public static TrackerTouchpoints defaults() {
    return new TrackerTouchpoints(new UtmNormalizer(), ChannelGrouping.defaults());
  }

  public Touchpoint touchpoint(TrackedEvent event) {
    Utm utm = utms.normalize(withClickSource(event));
    return new Touchpoint(
        "web:" + event.eventId(),
        event.receivedAt(),
        grouping.group(null, utm, event.referrer(), event.type()),
        event.visitorId(),
        null,
        null,
        event.type(),
        utm,
        event.url(),
        event.referrer());
  }

  /** {@code data} with the events' touchpoints added after its own. */
  public CanonicalData addTo(CanonicalData data, List<TrackedEvent> events) {
    if (events.isEmpty()) {
      return data;
    }
    List<Touchpoint> touchpoints = new ArrayList<>(data.touchpoints().size() + events.size());
    touchpoints.addAll(data.touchpoints());
    for (TrackedEvent event : events) {
      touchpoints.add(touchpoint(event));
    }
    return new CanonicalData(
        data.spend(),
        touchpoints,
        data.leads(),
        data.deals(),
        data.stageChanges(),
        data.payments(),
        data.accounts(),
        data.contacts(),
        data.costs(),
        data.rates());
  }

  private static Utm withClickSource(TrackedEvent event) {
    Utm utm = event.utm();
    if (event.clickIdKind() == null || utm.source() != null || utm.medium() != null) {
      return utm;
    }
    return switch (event.clickIdKind()) {
      case "gclid" -> new Utm("google", "cpc", utm.campaign(), utm.content(), utm.term());
      case "yclid" -> new Utm("yandex", "cpc", utm.campaign(), utm.content(), utm.term());
      case "fbclid" ->
          new Utm("facebook", "paid_social", utm.campaign(), utm.content(), utm.term());
      default -> utm;
    };
  }
}
