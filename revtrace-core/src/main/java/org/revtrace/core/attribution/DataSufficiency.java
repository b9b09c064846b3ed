package org.revtrace.core.attribution;

import java.util.ArrayList;
import java.util.List;
import org.revtrace.core.journey.Journeys;

/**
 * Whether there is enough data for a data-driven model (Markov, Shapley) to learn from, rather than
 * to guess (docs/definitions/attribution.md, "Not enough data").
 *
 * <p>A data-driven model needs at least {@link #MIN_CONVERSIONS} converting journeys; a channel on
 * fewer than {@link #MIN_CHANNEL_CONVERSIONS} of them is {@code thin}: its credit is shown but
 * flagged. Rule-based models need no data to learn from and are always {@code ATTRIBUTED}.
 */
public final class DataSufficiency {

  /**
   * Conversions a data-driven model needs: at 100 the binomial standard error of a channel's 20%
   * share is √(0.2·0.8/100) = 4 percentage points, so its 95% interval is already ±8 points.
   */
  public static final int MIN_CONVERSIONS = 100;

  /** Converting journeys a channel needs before its data-driven credit is more than noise. */
  public static final int MIN_CHANNEL_CONVERSIONS = 10;

  /** Whether a model's credit can be reported. */
  public enum Status {
    ATTRIBUTED,
    NOT_ENOUGH_DATA
  }

  /**
   * The verdict for a model on some journeys.
   *
   * @param thinChannels channels on fewer than {@link #MIN_CHANNEL_CONVERSIONS} converting journeys
   *     (data-driven models only), in dictionary order
   */
  public record Verdict(Status status, long conversions, List<String> thinChannels) {

    public Verdict {
      thinChannels = List.copyOf(thinChannels);
    }
  }

  private DataSufficiency() {}

  public static Verdict check(Journeys journeys, ModelName model) {
    long conversions = journeys.conversionCount();
    if (!model.isDataDriven()) {
      return new Verdict(Status.ATTRIBUTED, conversions, List.of());
    }
    int[] journeysWith = convertingJourneysPerChannel(journeys);
    List<String> thin = new ArrayList<>();
    for (int c = 0; c < journeysWith.length; c++) {
      if (journeysWith[c] > 0 && journeysWith[c] < MIN_CHANNEL_CONVERSIONS) {
        thin.add(journeys.channels().decode(c));
      }
    }
    Status status = conversions < MIN_CONVERSIONS ? Status.NOT_ENOUGH_DATA : Status.ATTRIBUTED;
    return new Verdict(status, conversions, thin);
  }

  /** Number of converting journeys on which each channel appears at least once. */
  static int[] convertingJourneysPerChannel(Journeys journeys) {
    int[] count = new int[journeys.channels().size()];
    int[] lastJourney = new int[count.length];
    java.util.Arrays.fill(lastJourney, -1);
    int[] start = journeys.start();
    int[] channel = journeys.channel();
    boolean[] converted = journeys.converted();
    for (int j = 0; j < journeys.size(); j++) {
      if (!converted[j]) {
        continue;
      }
      for (int k = start[j]; k < start[j + 1]; k++) {
        if (lastJourney[channel[k]] != j) {
          lastJourney[channel[k]] = j;
          count[channel[k]]++;
        }
      }
    }
    return count;
  }
}
