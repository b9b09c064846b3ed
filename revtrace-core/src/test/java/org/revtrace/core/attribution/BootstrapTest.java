package org.revtrace.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.revtrace.core.journey.Journeys;

/** Bootstrap intervals: deterministic by seed, around the estimate, degenerate when certain. */
class BootstrapTest {

  private static Journeys journeys() {
    return new ToyJourneys()
        .add("a", 30, true)
        .add("b", 10, true)
        .add("a>b", 20, true)
        .add("c", 15, false)
        .build();
  }

  private static AttributionModel linear() {
    return AttributionModels.create(ModelName.LINEAR, ModelSettings.defaults(), HalfLife.MINIMUM);
  }

  @Test
  void intervalsAreSeededAndContainTheEstimate() {
    Journeys journeys = journeys();
    Bootstrap.Result result = Bootstrap.compute(linear(), journeys, 200, 0.9, 7);
    assertThat(result).isEqualTo(Bootstrap.compute(linear(), journeys, 200, 0.9, 7));
    assertThat(result.channels())
        .extracting(Bootstrap.ChannelInterval::channel)
        .containsExactly("a", "b", "c");
    Bootstrap.ChannelInterval a = result.channels().get(0);
    // Linear: a gets 30 + 20/2 = 40 of 60 conversions.
    assertThat(a.conversions()).isCloseTo(40, within(1e-9));
    assertThat(a.conversionsLower()).isLessThan(40).isGreaterThan(30);
    assertThat(a.conversionsUpper()).isGreaterThan(40).isLessThan(50);
    assertThat(a.revenueLower()).isLessThanOrEqualTo(a.revenue());
    assertThat(a.revenueUpper()).isGreaterThanOrEqualTo(a.revenue());
    Bootstrap.ChannelInterval c = result.channels().get(2);
    assertThat(c.conversionsLower()).isZero();
    assertThat(c.conversionsUpper()).isZero();
  }

  @Test
  void aWiderConfidenceGivesAWiderInterval() {
    Journeys journeys = journeys();
    Bootstrap.ChannelInterval at90 =
        Bootstrap.compute(linear(), journeys, 300, 0.9, 1).channels().get(1);
    Bootstrap.ChannelInterval at95 =
        Bootstrap.compute(linear(), journeys, 300, 0.95, 1).channels().get(1);
    assertThat(at95.conversionsLower()).isLessThanOrEqualTo(at90.conversionsLower());
    assertThat(at95.conversionsUpper()).isGreaterThanOrEqualTo(at90.conversionsUpper());
  }

  @Test
  void theRuleBasedShortcutEqualsRefittingOnCopies() {
    Journeys journeys = journeys();
    AttributionModel linear = linear();
    AttributionModel opaque =
        new AttributionModel() {
          @Override
          public String name() {
            return linear.name();
          }

          @Override
          public Attribution attribute(Journeys resample) {
            return linear.attribute(resample);
          }
        };
    Bootstrap.Result fast = Bootstrap.compute(linear, journeys, 100, 0.95, 3);
    Bootstrap.Result copied = Bootstrap.compute(opaque, journeys, 100, 0.95, 3);
    for (int c = 0; c < fast.channels().size(); c++) {
      Bootstrap.ChannelInterval a = fast.channels().get(c);
      Bootstrap.ChannelInterval b = copied.channels().get(c);
      assertThat(a.conversionsLower()).isCloseTo(b.conversionsLower(), within(1e-9));
      assertThat(a.conversionsUpper()).isCloseTo(b.conversionsUpper(), within(1e-9));
      assertThat(a.revenueUpper()).isCloseTo(b.revenueUpper(), within(1.0));
    }
  }

  @Test
  void quantileInterpolatesBetweenOrderStatistics() {
    double[] sorted = {1, 2, 3, 4, 5};
    assertThat(Bootstrap.quantile(sorted, 0.5)).isEqualTo(3);
    assertThat(Bootstrap.quantile(sorted, 0.05)).isCloseTo(1.2, within(1e-12));
    assertThat(Bootstrap.quantile(sorted, 1)).isEqualTo(5);
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> Bootstrap.compute(linear(), journeys(), 1, 0.9, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Bootstrap.compute(linear(), journeys(), 10, 1.5, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resampledJourneysKeepTheirTouchesAndValues() {
    Journeys journeys = journeys();
    Journeys copy = journeys.select(new int[] {0, 0, journeys.size() - 1});
    assertThat(copy.size()).isEqualTo(3);
    assertThat(copy.touchCount()).isEqualTo(2 * (journeys.start()[1] - journeys.start()[0]) + 1);
    assertThat(copy.converted()[0]).isEqualTo(journeys.converted()[0]);
    assertThat(copy.channel()[copy.start()[2]])
        .isEqualTo(journeys.channel()[journeys.start()[journeys.size() - 1]]);
  }
}
