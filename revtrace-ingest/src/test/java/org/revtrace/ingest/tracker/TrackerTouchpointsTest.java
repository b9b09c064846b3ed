package org.revtrace.ingest.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.Touchpoint;
import org.revtrace.core.model.TrackedEvent;
import org.revtrace.core.model.Utm;

class TrackerTouchpointsTest {

  private static final Instant T = Instant.parse("2025-03-01T10:00:00Z");
  private final TrackerTouchpoints touchpoints = TrackerTouchpoints.defaults();

  private static TrackedEvent visit(Utm utm, String referrer, String clickId, String kind) {
    return new TrackedEvent(
        "e1",
        T,
        "visitor-1",
        TouchType.VISIT,
        "https://example.com/",
        referrer,
        utm,
        clickId,
        kind);
  }

  @Test
  void channelsComeFromTagsThenReferrer() {
    assertThat(channel(visit(new Utm("Yandex", "CPC", "Brand", null, null), null, null, null)))
        .isEqualTo("paid_search");
    assertThat(channel(visit(Utm.NONE, "https://www.google.com/search?q=crm", null, null)))
        .isEqualTo("organic_search");
    assertThat(channel(visit(Utm.NONE, "https://habr.com/ru/articles/1/", null, null)))
        .isEqualTo("referral");
    assertThat(channel(visit(Utm.NONE, null, null, null))).isEqualTo("direct");
  }

  @Test
  void aClickIdWithoutTagsIsAPaidClick() {
    Touchpoint touch = touchpoints.touchpoint(visit(Utm.NONE, null, "abc", "yclid"));

    assertThat(touch.channel()).isEqualTo("paid_search");
    assertThat(touch.utm().source()).isEqualTo("yandex");
    assertThat(channel(visit(Utm.NONE, null, "x", "fbclid"))).isEqualTo("paid_social");
  }

  @Test
  void theTouchKeepsTheVisitorTimeAndPage() {
    Touchpoint touch =
        touchpoints.touchpoint(visit(new Utm("vk", "cpc", "spring", null, null), null, null, null));

    assertThat(touch.id()).isEqualTo("web:e1");
    assertThat(touch.visitorId()).isEqualTo("visitor-1");
    assertThat(touch.occurredAt()).isEqualTo(T);
    assertThat(touch.landingPage()).isEqualTo("https://example.com/");
    assertThat(touch.utm().campaign()).isEqualTo("spring");
    assertThat(
            touchpoints
                .addTo(CanonicalData.empty(), List.of(visit(Utm.NONE, null, null, null)))
                .touchpoints())
        .hasSize(1);
  }

  private String channel(TrackedEvent event) {
    return touchpoints.touchpoint(event).channel();
  }
}
