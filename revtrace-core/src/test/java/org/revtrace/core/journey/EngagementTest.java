package org.revtrace.core.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.revtrace.core.testing.DataBuilder.day;

import org.junit.jupiter.api.Test;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.testing.DataBuilder;

/** The worked example of docs/definitions/engagement.md, as of day 60 with a 30-day half-life. */
class EngagementTest {

  @Test
  void scoreIsTheDecayedSumOfTypeWeightsOverTheBuyingCommittee() {
    Dataset data =
        Dataset.of(
            new DataBuilder()
                .contact("c1", "acme")
                .contact("c2", "acme")
                .contact("c3", "beta")
                .touch("c1", "sales", 60, TouchType.MEETING)
                .touch("c2", "email", 30, TouchType.EMAIL)
                .touch("c1", "seo", 0, TouchType.VISIT)
                .touch("c1", "seo", 61, TouchType.FORM)
                .touch("c3", "webinars", 45, TouchType.WEBINAR)
                .touch("c4", "seo", 59, TouchType.MEETING)
                .build(),
            "RUB");
    Engagement engagement = Engagement.compute(data, EngagementOptions.defaults(day(60)));
    assertThat(engagement.accounts())
        .extracting(AccountEngagement::accountId)
        .containsExactly("acme", "beta");
    AccountEngagement acme = engagement.of("acme").orElseThrow();
    // 10 × 2^0 + 2 × 2^−1 + 1 × 2^−2; the form on day 61 is after the reference
    assertThat(acme.score()).isCloseTo(11.25, within(1e-9));
    assertThat(acme.touches()).isEqualTo(3);
    assertThat(acme.lastTouch()).isEqualTo(day(60));
    // 5 × 2^(−15/30)
    assertThat(engagement.of("beta").orElseThrow().score())
        .isCloseTo(5 / Math.sqrt(2), within(1e-9));
  }

  @Test
  void everyTouchTypeHasAWeight() {
    for (TouchType type : TouchType.values()) {
      assertThat(EngagementOptions.weight(type)).isPositive();
    }
  }
}
