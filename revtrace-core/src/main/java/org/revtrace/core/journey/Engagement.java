package org.revtrace.core.journey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.revtrace.core.dataset.Dataset;
import org.revtrace.core.model.TouchType;

/**
 * Engagement scores of accounts: Σ over the account's touches of weight(type) × 2^(−age /
 * half-life), age measured back from the reference instant.
 *
 * <p>Every touch of every contact and visitor of the account counts (the buying committee), as do
 * touches naming only the account. Touches after the reference are ignored, so a score is what was
 * known then. Accounts without a scored touch are left out. Weights: {@link
 * EngagementOptions#weight(TouchType)}; docs/definitions/engagement.md.
 *
 * @param options the reference and half-life used
 * @param accounts the scored accounts, highest score first, ties by account id
 */
public record Engagement(EngagementOptions options, List<AccountEngagement> accounts) {

  public Engagement {
    Objects.requireNonNull(options, "options");
    accounts = List.copyOf(accounts);
  }

  /** Scores every account of {@code data}. */
  public static Engagement compute(Dataset data, EngagementOptions options) {
    long reference = options.reference().getEpochSecond();
    double halfLife = options.halfLife().getSeconds();
    TouchType[] types = TouchType.values();
    double[] weights = new double[types.length];
    for (TouchType type : types) {
      weights[type.ordinal()] = EngagementOptions.weight(type);
    }
    int[] order = data.accountTouchOrder();
    int[] start = data.accountTouchStart();
    long[] time = data.touchTime();
    byte[] type = data.touchType();
    List<AccountEngagement> scored = new ArrayList<>();
    for (int account = 0; account < data.accounts().size(); account++) {
      double score = 0;
      long touches = 0;
      long last = Long.MIN_VALUE;
      for (int k = start[account]; k < start[account + 1]; k++) {
        int touch = order[k];
        long at = time[touch];
        if (at > reference) {
          break; // ordered by time within the account
        }
        score += weights[type[touch]] * Math.pow(2, -(reference - at) / halfLife);
        touches++;
        last = at;
      }
      if (touches > 0) {
        scored.add(
            new AccountEngagement(
                data.accounts().decode(account), score, touches, Instant.ofEpochSecond(last)));
      }
    }
    scored.sort(
        Comparator.comparingDouble(AccountEngagement::score)
            .reversed()
            .thenComparing(AccountEngagement::accountId));
    return new Engagement(options, scored);
  }

  /** The score of one account, if it has any scored touch. */
  public Optional<AccountEngagement> of(String accountId) {
    return accounts.stream().filter(a -> a.accountId().equals(accountId)).findFirst();
  }
}
