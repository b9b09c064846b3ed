package org.revtrace.ingest.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.revtrace.core.model.Lead;

/**
 * Matches calls to leads by phone.
 *
 * <p>Definition: a call matches a lead when one of the call's phone keys equals the lead's stored
 * phone (both salted hashes of the normalised number, see {@link PhoneNumbers}) and the lead was
 * created within the {@link CallWindow}: {@code call − before ≤ created_at ≤ call + after}, both
 * ends included. Of several such leads the nearest in time wins; at equal distance the lead created
 * at or after the call (the one the call can have caused), then the smaller lead id. Several calls
 * may match one lead. A call without a phone, or with no lead in its window, is unmatched.
 *
 * <p>Cost: O((calls + leads) · log leads).
 */
public final class CallMatcher {

  private static final Comparator<Lead> BY_CREATION =
      Comparator.comparing(Lead::createdAt).thenComparing(Lead::id);

  private CallMatcher() {}

  /**
   * One call and the lead it was matched to.
   *
   * @param lead the matched lead, or null when the call is unmatched
   */
  public record Match(PhoneCall call, Lead lead) {

    public boolean isMatched() {
      return lead != null;
    }
  }

  /**
   * The matches of all calls, in the calls' order, with counts.
   *
   * @param matched calls matched to a lead
   * @param unmatched calls with a phone but no lead in their window
   * @param withoutPhone calls whose log had no usable number
   */
  public record Matches(List<Match> matches, long matched, long unmatched, long withoutPhone) {

    public Matches {
      matches = List.copyOf(matches);
    }

    /** One line: {@code 12 calls: 9 matched to leads by phone, 3 unmatched (1 without a phone)}. */
    public String describe() {
      return String.format(
          java.util.Locale.ROOT,
          "%d calls: %d matched to leads by phone, %d unmatched (%d without a phone)",
          matches.size(),
          matched,
          unmatched + withoutPhone,
          withoutPhone);
    }
  }

  /** Matches every call to at most one of {@code leads} as the class defines. */
  public static Matches match(List<PhoneCall> calls, List<Lead> leads, CallWindow window) {
    Map<String, List<Lead>> byPhone = new HashMap<>();
    for (Lead lead : leads) {
      if (lead.phone() != null) {
        byPhone.computeIfAbsent(lead.phone(), phone -> new ArrayList<>()).add(lead);
      }
    }
    byPhone.values().forEach(list -> list.sort(BY_CREATION));
    List<Match> matches = new ArrayList<>(calls.size());
    long matched = 0;
    long unmatched = 0;
    long withoutPhone = 0;
    for (PhoneCall call : calls) {
      if (!call.hasPhone()) {
        withoutPhone++;
        matches.add(new Match(call, null));
        continue;
      }
      Lead best = null;
      for (String key : call.phoneKeys()) {
        List<Lead> candidates = byPhone.get(key);
        if (candidates != null) {
          best = nearest(call.startedAt(), candidates, window, best);
        }
      }
      if (best == null) {
        unmatched++;
      } else {
        matched++;
      }
      matches.add(new Match(call, best));
    }
    return new Matches(matches, matched, unmatched, withoutPhone);
  }

  /** The better of {@code best} and the leads of one phone (sorted by creation) in the window. */
  private static Lead nearest(Instant call, List<Lead> sorted, CallWindow window, Lead best) {
    Instant from = call.minus(window.before());
    Instant to = call.plus(window.after());
    for (int i = firstAtOrAfter(sorted, from); i < sorted.size(); i++) {
      Lead lead = sorted.get(i);
      if (lead.createdAt().isAfter(to)) {
        break;
      }
      if (best == null || closer(call, lead, best)) {
        best = lead;
      }
    }
    return best;
  }

  private static boolean closer(Instant call, Lead candidate, Lead best) {
    Duration a = Duration.between(call, candidate.createdAt()).abs();
    Duration b = Duration.between(call, best.createdAt()).abs();
    int byDistance = a.compareTo(b);
    if (byDistance != 0) {
      return byDistance < 0;
    }
    boolean candidateAfter = !candidate.createdAt().isBefore(call);
    boolean bestAfter = !best.createdAt().isBefore(call);
    if (candidateAfter != bestAfter) {
      return candidateAfter;
    }
    return candidate.id().compareTo(best.id()) < 0;
  }

  private static int firstAtOrAfter(List<Lead> sorted, Instant from) {
    int low = 0;
    int high = sorted.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (sorted.get(middle).createdAt().isBefore(from)) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
}
