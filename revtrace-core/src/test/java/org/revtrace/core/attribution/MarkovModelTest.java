package org.revtrace.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.journey.Goal;
import org.revtrace.core.journey.JourneyBuilder;
import org.revtrace.core.journey.JourneyOptions;
import org.revtrace.core.journey.Journeys;
import org.revtrace.core.journey.ValueKind;
import org.revtrace.core.testing.DataBuilder;

/** Markov attribution over journeys built from records, on the analyzecore 2016 toy. */
class MarkovModelTest {

  /**
   * Journeys c1 > c2 > c3 → lead, c1 → nothing, c2 > c3 → nothing: the published removal-effect
   * shares are c1 0.2, c2 0.4, c3 0.4.
   */
  private static Dataset toy() {
    return Dataset.of(
        new DataBuilder()
            .touch("p1", "c1", 0)
            .touch("p1", "c2", 1)
            .touch("p1", "c3", 2)
            .lead("L1", "p1", 3, -1, -1)
            .wonDeal("D1", "L1", "p1", 4, 5, "999.99")
            .touch("p2", "c1", 0)
            .touch("p3", "c2", 0)
            .touch("p3", "c3", 1)
            .build(),
        "RUB");
  }

  @Test
  void reproducesTheAnalyzecoreToyWithNullPaths() {
    Journeys journeys =
        JourneyBuilder.build(toy(), JourneyOptions.of(Goal.LEAD).withNonConverting(true));
    assertThat(journeys.size()).isEqualTo(3);
    assertThat(journeys.conversionCount()).isEqualTo(1);
    Attribution attribution = new MarkovModel(1, true).attribute(journeys);
    assertThat(attribution.channelConversions(journeys.channels().find("c1")))
        .isCloseTo(0.2, within(1e-12));
    assertThat(attribution.channelConversions(journeys.channels().find("c2")))
        .isCloseTo(0.4, within(1e-12));
    assertThat(attribution.channelConversions(journeys.channels().find("c3")))
        .isCloseTo(0.4, within(1e-12));
  }

  @Test
  void withoutNullPathsEveryChannelOfTheOnlyConvertingPathIsEssential() {
    Journeys journeys =
        JourneyBuilder.build(toy(), JourneyOptions.of(Goal.WON).withNonConverting(true));
    Attribution attribution = new MarkovModel(1, false).attribute(journeys);
    for (String channel : new String[] {"c1", "c2", "c3"}) {
      assertThat(attribution.channelConversions(journeys.channels().find(channel)))
          .isCloseTo(1.0 / 3, within(1e-12));
    }
    assertThat(attribution.creditedValue(ValueKind.REVENUE)).isEqualTo(99_999);
  }
}
