package org.revtrace.core.attribution.markov;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Removal-effect attribution of a {@link PathTable}, one entry per channel in channel-id order.
 *
 * @param channelNames channel names, indexed like every array below
 * @param removalEffects {@code RE_c = 1 − P'_c(conversion) / P(conversion)}, in [0, 1]
 * @param shares {@code RE_c / Σ RE}; sum to 1 when {@link #status()} is {@code ATTRIBUTED}
 * @param attributedConversions {@code share_c × total conversions}
 * @param attributedValues {@code share_c × total conversion value}
 * @param conversionProbability P(conversion) from START in the unmodified chain
 * @param states number of channel-tuple states (START, CONVERSION and NULL not counted)
 * @param order the Markov order k
 * @param status whether credit could be assigned
 */
public record MarkovResult(
    List<String> channelNames,
    double[] removalEffects,
    double[] shares,
    double[] attributedConversions,
    double[] attributedValues,
    double conversionProbability,
    int states,
    int order,
    Status status) {

  /** Whether a result carries credit, and if not, why. */
  public enum Status {
    /** Shares are {@code RE_c / Σ RE} and sum to 1. */
    ATTRIBUTED,
    /** The table has no conversions: every share, credit and removal effect is 0. */
    NO_CONVERSIONS,
    /** Every removal effect is 0, so shares are undefined and reported as 0. */
    NO_REMOVAL_EFFECT
  }

  /** Copies the arrays and checks that they all have one entry per channel. */
  public MarkovResult {
    channelNames = List.copyOf(channelNames);
    removalEffects = removalEffects.clone();
    shares = shares.clone();
    attributedConversions = attributedConversions.clone();
    attributedValues = attributedValues.clone();
    Objects.requireNonNull(status, "status");
    int n = channelNames.size();
    if (removalEffects.length != n
        || shares.length != n
        || attributedConversions.length != n
        || attributedValues.length != n) {
      throw new IllegalArgumentException("every array needs one entry per channel (" + n + ")");
    }
  }

  @Override
  public double[] removalEffects() {
    return removalEffects.clone();
  }

  @Override
  public double[] shares() {
    return shares.clone();
  }

  @Override
  public double[] attributedConversions() {
    return attributedConversions.clone();
  }

  @Override
  public double[] attributedValues() {
    return attributedValues.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MarkovResult that
        && channelNames.equals(that.channelNames)
        && Arrays.equals(removalEffects, that.removalEffects)
        && Arrays.equals(shares, that.shares)
        && Arrays.equals(attributedConversions, that.attributedConversions)
        && Arrays.equals(attributedValues, that.attributedValues)
        && Double.compare(conversionProbability, that.conversionProbability) == 0
        && states == that.states
        && order == that.order
        && status == that.status;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        channelNames, Arrays.hashCode(shares), conversionProbability, states, order, status);
  }

  @Override
  public String toString() {
    return "MarkovResult[order="
        + order
        + ", states="
        + states
        + ", status="
        + status
        + ", conversionProbability="
        + conversionProbability
        + ", channels="
        + channelNames
        + ", removalEffects="
        + Arrays.toString(removalEffects)
        + ", shares="
        + Arrays.toString(shares)
        + "]";
  }

  /** Returns the share of channel {@code name}. */
  public double share(String name) {
    return shares[indexOf(name)];
  }

  /** Returns the removal effect of channel {@code name}. */
  public double removalEffect(String name) {
    return removalEffects[indexOf(name)];
  }

  private int indexOf(String name) {
    int index = channelNames.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("unknown channel: " + name);
    }
    return index;
  }
}
