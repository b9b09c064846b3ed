package org.revtrace.core.attribution;

import java.util.Arrays;
import org.revtrace.core.journey.Journeys;
import org.revtrace.core.journey.ValueKind;

/**
 * Credit of a data-driven model that gives each channel a share of all conversions: channel
 * conversions are {@code share_c × conversions}; money and campaigns follow the paths.
 *
 * <p>Each converting journey's values are split over its touches by a path rule (the model's
 * channel weights, normalised per journey), so a channel on high-value journeys earns more revenue
 * than one on cheap ones, exact to the kopeck. Campaign conversions are their channel's conversions
 * shared like the money.
 */
final class ChannelShares {

  private ChannelShares() {}

  static Attribution attribute(
      String name, Journeys journeys, double[] shares, TouchWeights pathRule) {
    long conversions = journeys.conversionCount();
    Attribution byPath = new RuleBasedModel(name, pathRule).attribute(journeys);
    int channels = journeys.channels().size();
    double[] channelConversions = new double[channels];
    for (int c = 0; c < channels; c++) {
      channelConversions[c] = shares[c] * conversions;
    }
    int[] campaignChannel = campaignChannels(journeys);
    double[] campaignConversions = new double[journeys.campaigns().size()];
    for (int m = 0; m < campaignConversions.length; m++) {
      int c = campaignChannel[m];
      double pathCredit = c < 0 ? 0 : byPath.channelConversions(c);
      if (pathCredit > 0) {
        campaignConversions[m] = byPath.campaignConversions(m) * channelConversions[c] / pathCredit;
      }
    }
    int kinds = ValueKind.values().length;
    long[][] channelValues = new long[kinds][channels];
    long[][] campaignValues = new long[kinds][campaignConversions.length];
    for (ValueKind kind : ValueKind.values()) {
      for (int c = 0; c < channels; c++) {
        channelValues[kind.ordinal()][c] = byPath.channelValue(c, kind);
      }
      for (int m = 0; m < campaignConversions.length; m++) {
        campaignValues[kind.ordinal()][m] = byPath.campaignValue(m, kind);
      }
    }
    return new Attribution(
        name,
        journeys.channels(),
        journeys.campaigns(),
        conversions,
        channelConversions,
        channelValues,
        campaignConversions,
        campaignValues);
  }

  /**
   * A path rule weighing each touch by its channel's weight, normalised over the journey (uniform
   * when every weight is 0); with {@code perDistinctChannel} a channel's weight is shared by its
   * repeated touches, so repeats do not multiply it.
   */
  static TouchWeights byChannelWeight(double[] channelWeight, boolean perDistinctChannel) {
    // Touches per channel of the journey being weighed; left all-zero after each journey.
    ThreadLocal<int[]> repeats = ThreadLocal.withInitial(() -> new int[channelWeight.length]);
    return (j, journey, from, to, weights) -> {
      int[] channel = j.channel();
      int[] count = perDistinctChannel ? repeats.get() : null;
      if (count != null) {
        for (int k = from; k < to; k++) {
          count[channel[k]]++;
        }
      }
      double sum = 0;
      for (int k = from; k < to; k++) {
        double weight = channelWeight[channel[k]];
        weights[k - from] = count == null ? weight : weight / count[channel[k]];
        sum += weights[k - from];
      }
      if (count != null) {
        for (int k = from; k < to; k++) {
          count[channel[k]] = 0;
        }
      }
      if (sum == 0) {
        RuleBasedModel.uniform(weights, to - from);
        return;
      }
      for (int i = 0; i < to - from; i++) {
        weights[i] /= sum;
      }
    };
  }

  /** The key of each campaign as seen on the journeys' touches (-1 when never seen). */
  private static int[] campaignChannels(Journeys journeys) {
    int[] channelOf = new int[journeys.campaigns().size()];
    Arrays.fill(channelOf, -1);
    for (int k = 0; k < journeys.touchCount(); k++) {
      channelOf[journeys.campaign()[k]] = journeys.channel()[k];
    }
    return channelOf;
  }
}
