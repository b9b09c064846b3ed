package org.revtrace.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.journey.Goal;
import org.revtrace.core.journey.JourneyBuilder;
import org.revtrace.core.journey.JourneyOptions;
import org.revtrace.core.journey.Journeys;
import org.revtrace.core.journey.ValueKind;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.testing.DataBuilder;

/**
 * Worked examples, checkable by hand, for every rule-based model.
 *
 * <p>One won journey: touches A (day 0), B (day 5), direct (day 10), C (day 20); the lead is
 * created on day 12 (lead-creation touch: direct), the deal on day 18 (opportunity-creation touch:
 * direct), won on day 30 for 1,000.00 ₽.
 */
class AttributionModelsTest {

  private static final double EPS = 1e-12;

  private final Journeys journeys =
      JourneyBuilder.build(
          Dataset.of(
              new DataBuilder()
                  .touch("c1", "A", 0, TouchType.AD_CLICK)
                  .touch("c1", "B", 5, TouchType.EMAIL)
                  .touch("c1", "direct", 10, TouchType.VISIT)
                  .touch("c1", "C", 20, TouchType.MEETING)
                  .lead("L1", "c1", 12, -1, -1)
                  .wonDeal("D1", "L1", "c1", 18, 30, "1000.00")
                  .build(),
              "RUB"),
          JourneyOptions.of(Goal.WON));

  private Map<String, Double> credit(ModelName model, ModelSettings settings) {
    Attribution attribution =
        AttributionModels.create(model, settings, Duration.ofDays(10)).attribute(journeys);
    Map<String, Double> credit = new LinkedHashMap<>();
    for (String channel : new String[] {"A", "B", "direct", "C"}) {
      credit.put(channel, attribution.channelConversions(journeys.channels().find(channel)));
    }
    assertThat(attribution.creditedConversions()).isCloseTo(1.0, within(EPS));
    assertThat(attribution.creditedValue(ValueKind.REVENUE)).isEqualTo(100_000);
    return credit;
  }

  private Map<String, Double> credit(ModelName model) {
    return credit(model, ModelSettings.defaults());
  }

  private static Map<String, Double> expected(double a, double b, double direct, double c) {
    Map<String, Double> expected = new LinkedHashMap<>();
    expected.put("A", a);
    expected.put("B", b);
    expected.put("direct", direct);
    expected.put("C", c);
    return expected;
  }

  private static void assertCredit(Map<String, Double> actual, Map<String, Double> expected) {
    expected.forEach(
        (channel, share) ->
            assertThat(actual.get(channel)).as(channel).isCloseTo(share, within(EPS)));
  }

  @Test
  void journeyHasTheMilestonesOfTheExample() {
    assertThat(journeys.size()).isEqualTo(1);
    assertThat(journeys.leadTouch()[0]).isEqualTo(2);
    assertThat(journeys.opportunityTouch()[0]).isEqualTo(2);
  }

  @Test
  void firstTouch() {
    assertCredit(credit(ModelName.FIRST_TOUCH), expected(1, 0, 0, 0));
  }

  @Test
  void lastTouch() {
    assertCredit(credit(ModelName.LAST_TOUCH), expected(0, 0, 0, 1));
  }

  @Test
  void lastNonDirectSkipsDirectOnlyWhenSomethingElseIsThere() {
    assertCredit(credit(ModelName.LAST_NON_DIRECT), expected(0, 0, 0, 1));
    Journeys allDirect =
        JourneyBuilder.build(
            Dataset.of(
                new DataBuilder()
                    .touch("c1", "A", 0)
                    .touch("c1", "direct", 5)
                    .lead("L1", "c1", 6, -1, -1)
                    .touch("c2", "direct", 1)
                    .lead("L2", "c2", 2, -1, -1)
                    .build(),
                "RUB"),
            JourneyOptions.of(Goal.LEAD));
    Attribution attribution =
        AttributionModels.create(
                ModelName.LAST_NON_DIRECT, ModelSettings.defaults(), HalfLife.MINIMUM)
            .attribute(allDirect);
    assertThat(attribution.channelConversions(allDirect.channels().find("A"))).isEqualTo(1.0);
    assertThat(attribution.channelConversions(allDirect.channels().find("direct"))).isEqualTo(1.0);
  }

  @Test
  void linear() {
    assertCredit(credit(ModelName.LINEAR), expected(0.25, 0.25, 0.25, 0.25));
  }

  @Test
  void positionBased() {
    assertCredit(credit(ModelName.POSITION_BASED), expected(0.4, 0.1, 0.1, 0.4));
  }

  @Test
  void wShapedAddsCoincidingMilestones() {
    // first = A 30%; lead creation = opportunity creation = direct 30% + 30%; B and C share 10%.
    assertCredit(credit(ModelName.W_SHAPED), expected(0.3, 0.05, 0.6, 0.05));
  }

  @Test
  void fullPath() {
    // first A, lead and opportunity direct, closed-won C: 22.5% each; B alone gets the 10%.
    assertCredit(credit(ModelName.FULL_PATH), expected(0.225, 0.1, 0.45, 0.225));
  }

  @Test
  void timeDecayHalvesEveryHalfLife() {
    // H = 10 days; ages 30, 25, 20, 10 days → weights 2^-3, 2^-2.5, 2^-2, 2^-1.
    double a = Math.pow(2, -3);
    double b = Math.pow(2, -2.5);
    double d = Math.pow(2, -2);
    double c = Math.pow(2, -1);
    double sum = a + b + d + c;
    assertCredit(credit(ModelName.TIME_DECAY), expected(a / sum, b / sum, d / sum, c / sum));
  }

  @Test
  void customWeightsPerTouchType() {
    ModelSettings settings =
        ModelSettings.defaults()
            .withTouchTypeWeights(Map.of(TouchType.MEETING, 3.0, TouchType.VISIT, 0.0));
    // ad_click 1, email 1, visit 0, meeting 3 → 1/5, 1/5, 0, 3/5
    assertCredit(credit(ModelName.CUSTOM_WEIGHTS, settings), expected(0.2, 0.2, 0, 0.6));
  }

  @Test
  void moneyIsSplitToTheKopeckWhenItDoesNotDivideEvenly() {
    Journeys three =
        JourneyBuilder.build(
            Dataset.of(
                new DataBuilder()
                    .touch("c1", "A", 0)
                    .touch("c1", "B", 1)
                    .touch("c1", "C", 2)
                    .lead("L1", "c1", 3, -1, -1)
                    .wonDeal("D1", "L1", "c1", 3, 4, "100.00")
                    .build(),
                "RUB"),
            JourneyOptions.of(Goal.WON));
    Attribution attribution =
        AttributionModels.create(ModelName.LINEAR, ModelSettings.defaults(), HalfLife.MINIMUM)
            .attribute(three);
    long a = attribution.channelValue(three.channels().find("A"), ValueKind.REVENUE);
    long b = attribution.channelValue(three.channels().find("B"), ValueKind.REVENUE);
    long c = attribution.channelValue(three.channels().find("C"), ValueKind.REVENUE);
    assertThat(a + b + c).isEqualTo(10_000);
    assertThat(new long[] {a, b, c}).containsExactlyInAnyOrder(3_334, 3_333, 3_333);
  }

  @Test
  void aLeadWithoutTouchesIsCreditedToItsOwnChannel() {
    Journeys orphan =
        JourneyBuilder.build(
            Dataset.of(new DataBuilder().orphanLead("L1", "partners", 3).build(), "RUB"),
            JourneyOptions.of(Goal.LEAD));
    Attribution attribution =
        AttributionModels.create(ModelName.W_SHAPED, ModelSettings.defaults(), HalfLife.MINIMUM)
            .attribute(orphan);
    assertThat(attribution.channelConversions(orphan.channels().find("partners"))).isEqualTo(1.0);
  }
}
