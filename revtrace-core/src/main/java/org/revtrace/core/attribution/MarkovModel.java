package org.revtrace.core.attribution;

import org.revtrace.core.attribution.markov.MarkovAttribution;
import org.revtrace.core.attribution.markov.MarkovResult;
import org.revtrace.core.attribution.markov.PathTable;
import org.revtrace.core.journey.Journeys;
import org.revtrace.core.journey.ValueKind;

/**
 * Data-driven attribution by the removal effects of an order-k Markov chain over the journeys
 * (docs/definitions/markov.md).
 *
 * <p>Each journey is one path: a converting journey counts one conversion, a non-converting one
 * (present when the journeys were built with non-converting journeys) one null. A channel's
 * conversions are its share {@code RE_c / Σ RE} of all conversions, and each money value is
 * apportioned by the same shares to the kopeck. Within a channel, credit goes to its campaigns in
 * proportion to the campaign's touches on converting journeys. If no channel has a removal effect
 * (impossible with converting journeys, kept as a guard), credit falls back to linear.
 */
final class MarkovModel implements AttributionModel {

  private final int order;
  private final boolean nullPaths;

  MarkovModel(int order, boolean nullPaths) {
    this.order = order;
    this.nullPaths = nullPaths;
  }

  @Override
  public String name() {
    return ModelName.MARKOV.code();
  }

  @Override
  public Attribution attribute(Journeys journeys) {
    MarkovResult result = MarkovAttribution.compute(paths(journeys), order, nullPaths);
    long conversions = journeys.conversionCount();
    if (result.status() != MarkovResult.Status.ATTRIBUTED) {
      if (conversions > 0) {
        return new RuleBasedModel(name(), Rules::linear).attribute(journeys);
      }
    }
    double[] shares = result.shares();
    int channels = journeys.channels().size();
    int campaigns = journeys.campaigns().size();
    double[] channelConversions = new double[channels];
    for (int c = 0; c < channels; c++) {
      channelConversions[c] = shares[c] * conversions;
    }
    long[] campaignTouches = new long[campaigns];
    long[] channelTouches = new long[channels];
    countConvertingTouches(journeys, campaignTouches, channelTouches);
    double[] campaignConversions = new double[campaigns];
    int[] campaignChannel = campaignChannels(journeys);
    for (int m = 0; m < campaigns; m++) {
      int c = campaignChannel[m];
      if (c >= 0 && channelTouches[c] > 0) {
        campaignConversions[m] = channelConversions[c] * campaignTouches[m] / channelTouches[c];
      }
    }
    int kinds = ValueKind.values().length;
    long[][] channelValues = new long[kinds][];
    long[][] campaignValues = new long[kinds][];
    for (ValueKind kind : ValueKind.values()) {
      long[] byChannel = Apportion.exactly(journeys.totalValue(kind), shares);
      channelValues[kind.ordinal()] = byChannel;
      campaignValues[kind.ordinal()] =
          splitOverCampaigns(byChannel, campaignTouches, campaignChannel, channelTouches);
    }
    return new Attribution(
        name(),
        journeys.channels(),
        journeys.campaigns(),
        conversions,
        channelConversions,
        channelValues,
        campaignConversions,
        campaignValues);
  }

  /** One path per journey, channel ids equal to the journeys' dictionary ids. */
  private static PathTable paths(Journeys journeys) {
    PathTable.Builder builder = PathTable.builder();
    for (int c = 0; c < journeys.channels().size(); c++) {
      builder.channelId(journeys.channels().decode(c));
    }
    int[] start = journeys.start();
    long[] revenue = journeys.values(ValueKind.REVENUE);
    boolean[] converted = journeys.converted();
    for (int j = 0; j < journeys.size(); j++) {
      int length = start[j + 1] - start[j];
      if (length == 0) {
        continue;
      }
      builder.add(
          journeys.channel(),
          start[j],
          length,
          converted[j] ? 1 : 0,
          converted[j] ? revenue[j] : 0,
          converted[j] ? 0 : 1);
    }
    return builder.build();
  }

  private static void countConvertingTouches(
      Journeys journeys, long[] campaignTouches, long[] channelTouches) {
    int[] start = journeys.start();
    for (int j = 0; j < journeys.size(); j++) {
      if (!journeys.converted()[j]) {
        continue;
      }
      for (int k = start[j]; k < start[j + 1]; k++) {
        campaignTouches[journeys.campaign()[k]]++;
        channelTouches[journeys.channel()[k]]++;
      }
    }
  }

  /** The channel of each campaign key, as seen on the journeys' touches (-1 when never seen). */
  private static int[] campaignChannels(Journeys journeys) {
    int[] channelOf = new int[journeys.campaigns().size()];
    java.util.Arrays.fill(channelOf, -1);
    for (int k = 0; k < journeys.touchCount(); k++) {
      channelOf[journeys.campaign()[k]] = journeys.channel()[k];
    }
    return channelOf;
  }

  private static long[] splitOverCampaigns(
      long[] byChannel, long[] campaignTouches, int[] campaignChannel, long[] channelTouches) {
    long[] byCampaign = new long[campaignTouches.length];
    for (int c = 0; c < byChannel.length; c++) {
      if (byChannel[c] == 0 || channelTouches[c] == 0) {
        continue;
      }
      int count = 0;
      for (int m = 0; m < campaignTouches.length; m++) {
        if (campaignChannel[m] == c && campaignTouches[m] > 0) {
          count++;
        }
      }
      int[] members = new int[count];
      double[] weights = new double[count];
      int i = 0;
      for (int m = 0; m < campaignTouches.length; m++) {
        if (campaignChannel[m] == c && campaignTouches[m] > 0) {
          members[i] = m;
          weights[i++] = campaignTouches[m];
        }
      }
      long[] parts = org.revtrace.core.model.Allocation.largestRemainder(byChannel[c], weights);
      for (int k = 0; k < count; k++) {
        byCampaign[members[k]] = parts[k];
      }
    }
    return byCampaign;
  }
}
