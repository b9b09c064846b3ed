package org.revtrace.core.attribution;

import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.journey.Goal;
import org.revtrace.core.journey.JourneyBuilder;
import org.revtrace.core.journey.JourneyOptions;
import org.revtrace.core.journey.Journeys;
import org.revtrace.core.testing.DataBuilder;

/** Lead journeys (with non-converting ones) written as {@code "a>b", times, converting?}. */
final class ToyJourneys {

  private final DataBuilder builder = new DataBuilder();
  private int people;

  /** Adds {@code times} people who touch the channels of {@code path} and convert or not. */
  ToyJourneys add(String path, int times, boolean converts) {
    for (int i = 0; i < times; i++) {
      String contact = "p" + people++;
      String[] channels = path.split(">");
      for (int t = 0; t < channels.length; t++) {
        builder.touch(contact, channels[t], t);
      }
      if (converts) {
        builder.lead("L" + contact, contact, channels.length, -1, -1);
        builder.wonDeal("D" + contact, "L" + contact, contact, channels.length + 1, 40, "100.01");
      }
    }
    return this;
  }

  Journeys build() {
    return JourneyBuilder.build(
        Dataset.of(builder.build(), "RUB"), JourneyOptions.of(Goal.LEAD).withNonConverting(true));
  }
}
