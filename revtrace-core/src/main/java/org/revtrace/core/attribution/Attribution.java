package org.revtrace.core.attribution;

import java.util.Arrays;
import org.revtrace.core.dataset.Dictionary;
import org.revtrace.core.journey.ValueKind;

/**
 * The credit a model gave: conversions (fractional) and money (minor units) per channel and per
 * campaign key, indexed by the journeys' dictionaries.
 */
public final class Attribution {

  private final String model;
  private final Dictionary channels;
  private final Dictionary campaigns;
  private final double[] channelConversions;
  private final long[][] channelValues;
  private final double[] campaignConversions;
  private final long[][] campaignValues;
  private final long conversions;

  Attribution(
      String model,
      Dictionary channels,
      Dictionary campaigns,
      long conversions,
      double[] channelConversions,
      long[][] channelValues,
      double[] campaignConversions,
      long[][] campaignValues) {
    this.model = model;
    this.channels = channels;
    this.campaigns = campaigns;
    this.conversions = conversions;
    this.channelConversions = channelConversions;
    this.channelValues = channelValues;
    this.campaignConversions = campaignConversions;
    this.campaignValues = campaignValues;
  }

  public String model() {
    return model;
  }

  public Dictionary channels() {
    return channels;
  }

  public Dictionary campaigns() {
    return campaigns;
  }

  /** Number of conversions credited. */
  public long conversions() {
    return conversions;
  }

  /** Conversions credited to a channel (0 for a channel id beyond the journeys' dictionary). */
  public double channelConversions(int channel) {
    return channel < channelConversions.length ? channelConversions[channel] : 0;
  }

  public long channelValue(int channel, ValueKind kind) {
    long[] values = channelValues[kind.ordinal()];
    return channel < values.length ? values[channel] : 0;
  }

  public double campaignConversions(int campaign) {
    return campaign < campaignConversions.length ? campaignConversions[campaign] : 0;
  }

  public long campaignValue(int campaign, ValueKind kind) {
    long[] values = campaignValues[kind.ordinal()];
    return campaign < values.length ? values[campaign] : 0;
  }

  /** Sum of channel conversions (equals {@link #conversions()} up to floating rounding). */
  public double creditedConversions() {
    return Arrays.stream(channelConversions).sum();
  }

  /** Sum of channel values of a kind (equals the journeys' total exactly). */
  public long creditedValue(ValueKind kind) {
    return Arrays.stream(channelValues[kind.ordinal()]).sum();
  }
}
