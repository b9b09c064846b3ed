package org.revtrace.app.cli;

import java.util.Arrays;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.model.DealStatus;

/**
 * Each account's acquisition channel: the CRM channel (its lead's, see docs/definitions/funnel.md)
 * of the account's first won deal; -1 for accounts that never won a deal.
 */
final class AcquisitionChannels {

  private AcquisitionChannels() {}

  static int[] of(Dataset data) {
    int[] channel = new int[data.accounts().size()];
    long[] firstWin = new long[channel.length];
    Arrays.fill(channel, -1);
    Arrays.fill(firstWin, Long.MAX_VALUE);
    byte won = (byte) DealStatus.WON.ordinal();
    for (int d = 0; d < data.dealCount(); d++) {
      int account = data.dealAccount()[d];
      if (account < 0 || data.dealStatus()[d] != won) {
        continue;
      }
      long closed =
          data.dealClosed()[d] != Dataset.NO_TIME ? data.dealClosed()[d] : data.dealCreated()[d];
      if (closed < firstWin[account]) {
        firstWin[account] = closed;
        channel[account] = data.dealChannel()[d];
      }
    }
    return channel;
  }
}
