package org.revtrace.core.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.testing.DataBuilder;

/** The worked example of docs/definitions/engagement.md (paths to won deals). */
class PathAnalysisTest {

  private static final Dataset DATA =
      Dataset.of(
          new DataBuilder()
              .touch("c1", "seo", 0)
              .touch("c1", "seo", 1)
              .touch("c1", "email", 2)
              .lead("L1", "c1", 2, -1, -1)
              .wonDeal("D1", "L1", "c1", 3, 10, "100.00")
              .touch("c2", "seo", 0)
              .touch("c2", "email", 5)
              .lead("L2", "c2", 5, -1, -1)
              .wonDeal("D2", "L2", "c2", 6, 20, "300.00")
              .touch("c3", "seo", 0)
              .touch("c3", "email", 1)
              .touch("c4", "ads", 0)
              .lead("L4", "c4", 0, -1, -1)
              .wonDeal("D3", "L4", "c4", 1, 5, "50.00")
              .touch("c5", "ads", 0)
              .touch("c5", "ads", 2)
              .touch("c6", "ads", 0)
              .touch("c6", "seo", 1)
              .spend("seo", 0, "90.00", 0, 0)
              .spend("ads", 0, "30.00", 0, 0)
              .build(),
          "RUB");

  private static final PathAnalysis PATHS = PathAnalysis.compute(DATA, JourneyOptions.of(Goal.WON));

  @Test
  void pathsCollapseRepeatsAndCountConvertingAndNonConvertingJourneys() {
    assertThat(PATHS.journeys()).isEqualTo(6);
    assertThat(PATHS.wonJourneys()).isEqualTo(3);
    assertThat(PATHS.paths())
        .extracting(
            ChannelPath::text, ChannelPath::journeys, ChannelPath::won, ChannelPath::revenue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("seo > email", 3L, 2L, 40_000L),
            org.assertj.core.groups.Tuple.tuple("ads", 2L, 1L, 5_000L),
            org.assertj.core.groups.Tuple.tuple("ads > seo", 1L, 0L, 0L));
    ChannelPath top = PATHS.mostCommon(1).get(0);
    assertThat(top.conversionRate()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(top.revenuePerJourney()).isEqualTo(13_333);
  }

  @Test
  void spendIsApportionedByTouchesAndRoiFollows() {
    // seo: 5 journey touches, 4 on seo > email → 72.00 and 18.00; ads: 4 touches, 3 on ads
    assertThat(PATHS.paths()).extracting(ChannelPath::cost).containsExactly(7_200L, 2_250L, 2_550L);
    assertThat(PATHS.mostCommon(1).get(0).roi().getAsDouble())
        .isCloseTo((400 - 72) / 72.0, within(1e-12));
    assertThat(PATHS.highestRoi(5, 1))
        .extracting(ChannelPath::text)
        .containsExactly("seo > email", "ads");
  }

  @Test
  void pathsCanKeepOnlyTheirLastChannels() {
    PathAnalysis last = PathAnalysis.compute(DATA, JourneyOptions.of(Goal.WON), 1);
    // seo > email → email; ads; ads > seo → seo; seo's 90.00 still follows every seo touch
    assertThat(last.paths())
        .extracting(ChannelPath::text, ChannelPath::journeys, ChannelPath::won, ChannelPath::cost)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("email", 3L, 2L, 7_200L),
            org.assertj.core.groups.Tuple.tuple("ads", 2L, 1L, 2_250L),
            org.assertj.core.groups.Tuple.tuple("seo", 1L, 0L, 2_550L));
  }

  @Test
  void largestRemainderSumsExactly() {
    assertThat(PathAnalysis.largestRemainder(100, new long[] {1, 1, 1}, 3))
        .containsExactly(34, 33, 33);
    assertThat(List.of(PathAnalysis.largestRemainder(7, new long[] {0, 5}, 5)))
        .first()
        .satisfies(parts -> assertThat(parts).containsExactly(0, 7));
  }
}
