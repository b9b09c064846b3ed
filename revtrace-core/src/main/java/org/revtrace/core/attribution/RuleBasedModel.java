package org.revtrace.core.attribution;

import java.util.Arrays;
import org.revtrace.core.journey.Journeys;
import org.revtrace.core.journey.ValueKind;

/**
 * A model that weighs each journey's touches by a fixed rule and credits each touch its weight of
 * the conversion and of its values.
 *
 * <p>Money is summed per channel in {@code double} and then apportioned to minor units by the
 * largest-remainder method against the exact total, so channel values sum to the kopeck; campaign
 * values are apportioned the same way.
 */
final class RuleBasedModel implements AttributionModel {

  private final String name;
  private final TouchWeights rule;

  RuleBasedModel(String name, TouchWeights rule) {
    this.name = name;
    this.rule = rule;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Attribution attribute(Journeys journeys) {
    int channelCount = journeys.channels().size();
    int campaignCount = journeys.campaigns().size();
    int kinds = ValueKind.values().length;
    double[] channelConversions = new double[channelCount];
    double[] campaignConversions = new double[campaignCount];
    double[][] channelValues = new double[kinds][channelCount];
    double[][] campaignValues = new double[kinds][campaignCount];
    long[][] journeyValues = new long[kinds][];
    for (ValueKind kind : ValueKind.values()) {
      journeyValues[kind.ordinal()] = journeys.values(kind);
    }
    int[] start = journeys.start();
    int[] channel = journeys.channel();
    int[] campaign = journeys.campaign();
    boolean[] converted = journeys.converted();
    double[] weights = new double[16];
    long conversions = 0;
    for (int j = 0; j < journeys.size(); j++) {
      if (!converted[j]) {
        continue;
      }
      conversions++;
      int from = start[j];
      int to = start[j + 1];
      int length = to - from;
      if (weights.length < length) {
        weights = new double[Math.max(length, weights.length * 2)];
      }
      rule.weigh(journeys, j, from, to, weights);
      for (int i = 0; i < length; i++) {
        double w = weights[i];
        if (w == 0) {
          continue;
        }
        int c = channel[from + i];
        int m = campaign[from + i];
        channelConversions[c] += w;
        campaignConversions[m] += w;
        for (int k = 0; k < kinds; k++) {
          long value = journeyValues[k][j];
          if (value != 0) {
            channelValues[k][c] += w * value;
            campaignValues[k][m] += w * value;
          }
        }
      }
    }
    long[][] channelMoney = new long[kinds][];
    long[][] campaignMoney = new long[kinds][];
    for (ValueKind kind : ValueKind.values()) {
      long total = journeys.totalValue(kind);
      channelMoney[kind.ordinal()] = Apportion.exactly(total, channelValues[kind.ordinal()]);
      campaignMoney[kind.ordinal()] = Apportion.exactly(total, campaignValues[kind.ordinal()]);
    }
    return new Attribution(
        name,
        journeys.channels(),
        journeys.campaigns(),
        conversions,
        channelConversions,
        channelMoney,
        campaignConversions,
        campaignMoney);
  }

  static double[] uniform(double[] weights, int length) {
    Arrays.fill(weights, 0, length, 1.0 / length);
    return weights;
  }
}
