package org.revtrace.app.demo;

import java.time.ZoneOffset;
import java.util.List;

/**
 * One demo channel with its planted effect.
 *
 * @param index position in the catalog; bit {@code index} of an exposure mask
 * @param key the {@code channel} column value
 * @param group how the channel reaches people
 * @param sources {@code utm_source} values, the first the most common
 * @param medium {@code utm_medium}
 * @param lift planted lift: touching the channel multiplies the odds of not winning by (1 − lift)
 * @param reach probability that an account is exposed to the channel at all
 * @param frequency relative number of touches per exposed account
 * @param offset the time zone the source system reports in
 * @param spend how the channel spends, or null when it has no media spend
 * @param campaigns campaign flights; empty when touches carry no campaign
 */
record ChannelProfile(
    int index,
    String key,
    ChannelGroup group,
    List<String> sources,
    String medium,
    double lift,
    double reach,
    double frequency,
    ZoneOffset offset,
    SpendProfile spend,
    List<Campaign> campaigns) {

  ChannelProfile {
    sources = List.copyOf(sources);
    campaigns = List.copyOf(campaigns);
    if (lift < 0 || lift >= 1) {
      throw new IllegalArgumentException(key + ": lift must be in [0, 1): " + lift);
    }
  }

  boolean hasSpend() {
    return spend != null;
  }
}
