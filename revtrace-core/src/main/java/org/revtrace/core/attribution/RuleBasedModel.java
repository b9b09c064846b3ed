package org.revtrace.core.attribution;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.revtrace.core.journey.Journeys;
import org.revtrace.core.journey.ValueKind;

/**
 * A model that weighs each journey's touches by a fixed rule and credits each touch its weight of
 * the conversion and of its values.
 *
 * <p>Money is summed per channel in {@code double} and then apportioned to minor units by the
 * largest-remainder method against the exact total, so channel values sum to the kopeck; campaign
 * values are apportioned the same way.
 *
 * <p>Large inputs are cut into a fixed number of slices of whole journeys that are credited in
 * parallel and merged in slice order, so the result does not depend on the number of cores.
 */
final class RuleBasedModel implements AttributionModel {

  /** Slices for parallel crediting; fixed so that floating sums are the same on every machine. */
  private static final int SLICES = 4;

  /** Below this many touches one thread is faster than forking. */
  private static final int PARALLEL_THRESHOLD = 200_000;

  private final String name;
  private final TouchWeights rule;

  RuleBasedModel(String name, TouchWeights rule) {
    this.name = name;
    this.rule = rule;
  }

  /** The rule weighing each journey's touches. */
  TouchWeights rule() {
    return rule;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Attribution attribute(Journeys journeys) {
    Credit credit;
    if (journeys.touchCount() < PARALLEL_THRESHOLD) {
      credit = credit(journeys, 0, journeys.size());
    } else {
      int[] bounds = sliceBounds(journeys);
      Credit[] parts =
          IntStream.range(0, SLICES)
              .parallel()
              .mapToObj(s -> credit(journeys, bounds[s], bounds[s + 1]))
              .toArray(Credit[]::new);
      credit = parts[0];
      for (int s = 1; s < SLICES; s++) {
        credit.add(parts[s]);
      }
    }
    int kinds = ValueKind.values().length;
    long[][] channelMoney = new long[kinds][];
    long[][] campaignMoney = new long[kinds][];
    for (ValueKind kind : ValueKind.values()) {
      long total = journeys.totalValue(kind);
      channelMoney[kind.ordinal()] = Apportion.exactly(total, credit.channelValues[kind.ordinal()]);
      campaignMoney[kind.ordinal()] =
          Apportion.exactly(total, credit.campaignValues[kind.ordinal()]);
    }
    return new Attribution(
        name,
        journeys.channels(),
        journeys.campaigns(),
        credit.conversions,
        credit.channelConversions,
        channelMoney,
        credit.campaignConversions,
        campaignMoney);
  }

  /** Journey indexes cutting the touches into {@link #SLICES} nearly equal parts. */
  private static int[] sliceBounds(Journeys journeys) {
    int[] bounds = new int[SLICES + 1];
    int[] start = journeys.start();
    long touches = journeys.touchCount();
    int journey = 0;
    for (int s = 1; s < SLICES; s++) {
      long target = touches * s / SLICES;
      while (journey < journeys.size() && start[journey] < target) {
        journey++;
      }
      bounds[s] = journey;
    }
    bounds[SLICES] = journeys.size();
    return bounds;
  }

  private Credit credit(Journeys journeys, int firstJourney, int endJourney) {
    int kinds = ValueKind.values().length;
    Credit credit = new Credit(journeys.channels().size(), journeys.campaigns().size(), kinds);
    long[][] journeyValues = new long[kinds][];
    for (ValueKind kind : ValueKind.values()) {
      journeyValues[kind.ordinal()] = journeys.values(kind);
    }
    int[] start = journeys.start();
    int[] channel = journeys.channel();
    int[] campaign = journeys.campaign();
    boolean[] converted = journeys.converted();
    double[] weights = new double[16];
    for (int j = firstJourney; j < endJourney; j++) {
      if (!converted[j]) {
        continue;
      }
      credit.conversions++;
      int from = start[j];
      int to = start[j + 1];
      int length = to - from;
      if (weights.length < length) {
        weights = new double[Math.max(length, weights.length * 2)];
      }
      rule.weigh(journeys, j, from, to, weights);
      for (int i = 0; i < length; i++) {
        credit.channelConversions[channel[from + i]] += weights[i];
        credit.campaignConversions[campaign[from + i]] += weights[i];
      }
      for (int k = 0; k < kinds; k++) {
        long value = journeyValues[k][j];
        if (value == 0) {
          continue;
        }
        double[] byChannel = credit.channelValues[k];
        double[] byCampaign = credit.campaignValues[k];
        for (int i = 0; i < length; i++) {
          byChannel[channel[from + i]] += weights[i] * value;
          byCampaign[campaign[from + i]] += weights[i] * value;
        }
      }
    }
    return credit;
  }

  static double[] uniform(double[] weights, int length) {
    Arrays.fill(weights, 0, length, 1.0 / length);
    return weights;
  }

  /** Fractional credit of a slice of journeys. */
  private static final class Credit {
    long conversions;
    final double[] channelConversions;
    final double[] campaignConversions;
    final double[][] channelValues;
    final double[][] campaignValues;

    Credit(int channels, int campaigns, int kinds) {
      channelConversions = new double[channels];
      campaignConversions = new double[campaigns];
      channelValues = new double[kinds][channels];
      campaignValues = new double[kinds][campaigns];
    }

    void add(Credit other) {
      conversions += other.conversions;
      addInto(channelConversions, other.channelConversions);
      addInto(campaignConversions, other.campaignConversions);
      for (int k = 0; k < channelValues.length; k++) {
        addInto(channelValues[k], other.channelValues[k]);
        addInto(campaignValues[k], other.campaignValues[k]);
      }
    }

    private static void addInto(double[] target, double[] source) {
      for (int i = 0; i < target.length; i++) {
        target[i] += source[i];
      }
    }
  }
}
