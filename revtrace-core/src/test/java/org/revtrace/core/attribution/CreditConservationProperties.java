package org.revtrace.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.journey.Goal;
import org.revtrace.core.journey.JourneyBuilder;
import org.revtrace.core.journey.JourneyLevel;
import org.revtrace.core.journey.JourneyOptions;
import org.revtrace.core.journey.Journeys;
import org.revtrace.core.journey.ValueKind;
import org.revtrace.core.model.CanonicalData;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.testing.DataBuilder;

/** Invariants every model must keep on random data: credit sums to the conversions and money. */
class CreditConservationProperties {

  private static final String[] CHANNELS = {"seo", "direct", "email", "yandex", "vk", "webinars"};

  record Person(List<Integer> channels, List<Integer> days, int leadDay, boolean won, int amount) {}

  @Provide
  Arbitrary<List<Person>> people() {
    Arbitrary<Person> person =
        Combinators.combine(
                Arbitraries.integers()
                    .between(0, CHANNELS.length - 1)
                    .list()
                    .ofMinSize(0)
                    .ofMaxSize(8),
                Arbitraries.integers().between(0, 400).list().ofSize(8),
                Arbitraries.integers().between(0, 400),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 5_000_000))
            .as(Person::new);
    return person.list().ofMinSize(1).ofMaxSize(25);
  }

  static CanonicalData data(List<Person> people) {
    DataBuilder builder = new DataBuilder();
    for (int p = 0; p < people.size(); p++) {
      Person person = people.get(p);
      String contact = "c" + p;
      builder.contact(contact, "acc" + (p % 4));
      for (int t = 0; t < person.channels().size(); t++) {
        builder.touch(
            contact,
            CHANNELS[person.channels().get(t)],
            person.days().get(t),
            TouchType.values()[t % TouchType.values().length]);
      }
      builder.lead("L" + p, contact, person.leadDay(), person.leadDay() + 1, -1);
      if (person.won()) {
        String amount =
            person.amount() / 100
                + "."
                + String.format(java.util.Locale.ROOT, "%02d", person.amount() % 100);
        builder.wonDeal(
            "D" + p, "L" + p, contact, person.leadDay() + 2, person.leadDay() + 20, amount);
      }
    }
    return builder.build();
  }

  @Property(tries = 200)
  void everyModelConservesCountsAndMoney(
      @ForAll("people") List<Person> people,
      @ForAll Goal goal,
      @ForAll JourneyLevel level,
      @ForAll("models") ModelName model) {
    Dataset dataset = Dataset.of(data(people), "RUB");
    Journeys journeys = JourneyBuilder.build(dataset, JourneyOptions.of(goal).withLevel(level));
    Attribution attribution =
        AttributionModels.create(model, ModelSettings.defaults(), Duration.ofDays(9))
            .attribute(journeys);
    assertThat(attribution.conversions()).isEqualTo(journeys.conversionCount());
    assertThat(attribution.creditedConversions())
        .isCloseTo(journeys.conversionCount(), within(1e-9));
    for (ValueKind kind : ValueKind.values()) {
      assertThat(attribution.creditedValue(kind)).isEqualTo(journeys.totalValue(kind));
    }
    double campaigns = 0;
    for (int m = 0; m < journeys.campaigns().size(); m++) {
      assertThat(attribution.campaignConversions(m)).isGreaterThanOrEqualTo(-1e-12);
      campaigns += attribution.campaignConversions(m);
    }
    assertThat(campaigns).isCloseTo(journeys.conversionCount(), within(1e-9));
  }

  @Property(tries = 100)
  void conversionCountsMatchTheRawData(@ForAll("people") List<Person> people) {
    Dataset dataset = Dataset.of(data(people), "RUB");
    long won = people.stream().filter(Person::won).count();
    long revenue = people.stream().filter(Person::won).mapToLong(Person::amount).sum();
    Journeys journeys = JourneyBuilder.build(dataset, JourneyOptions.of(Goal.WON));
    assertThat(journeys.conversionCount()).isEqualTo(won);
    assertThat(journeys.totalValue(ValueKind.REVENUE)).isEqualTo(revenue);
    assertThat(JourneyBuilder.build(dataset, JourneyOptions.of(Goal.LEAD)).conversionCount())
        .isEqualTo(people.size());
  }

  @Property(tries = 100)
  void linearIsInvariantUnderReorderingOfPeople(@ForAll("people") List<Person> people) {
    List<Person> reversed = new java.util.ArrayList<>(people);
    java.util.Collections.reverse(reversed);
    assertThat(linearCredit(reversed)).containsExactly(linearCredit(people), within(1e-9));
  }

  private static double[] linearCredit(List<Person> people) {
    Journeys journeys =
        JourneyBuilder.build(Dataset.of(data(people), "RUB"), JourneyOptions.of(Goal.LEAD));
    Attribution attribution =
        AttributionModels.create(ModelName.LINEAR, ModelSettings.defaults(), HalfLife.MINIMUM)
            .attribute(journeys);
    double[] byName = new double[CHANNELS.length];
    for (int c = 0; c < CHANNELS.length; c++) {
      int id = journeys.channels().find(CHANNELS[c]);
      byName[c] = id < 0 ? 0 : attribution.channelConversions(id);
    }
    return byName;
  }

  @Provide
  Arbitrary<ModelName> models() {
    return Arbitraries.of(ModelName.class);
  }
}
