package org.revtrace.core.clv;

import java.util.Objects;

/**
 * Customer lifetime value summed over the customers of one acquisition channel.
 *
 * @param channel channel name
 * @param customers customers acquired through the channel
 * @param total sum of their lifetime values
 */
public record ChannelValue(String channel, int customers, double total) {

  public ChannelValue {
    Objects.requireNonNull(channel, "channel");
    if (customers < 0) {
      throw new IllegalArgumentException("negative customer count: " + customers);
    }
  }

  /** Mean lifetime value per customer; 0 for a channel without customers. */
  public double mean() {
    return customers == 0 ? 0 : total / customers;
  }
}
