package org.revtrace.core.audit.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.revtrace.core.audit.AuditInput;
import org.revtrace.core.audit.Finding;
import org.revtrace.core.audit.Horizon;
import org.revtrace.core.model.Spend;
import org.revtrace.core.model.Touchpoint;

/**
 * {@code UTM_CAMPAIGN_TYPOS}: a rare campaign name that is a small edit (Damerau–Levenshtein
 * distance up to the setting, 2 by default) away from a frequent campaign of the same UTM source —
 * {@code autumn_sale} vs {@code autum_sale}. The rare name is a typo when the frequent one has at
 * least ten times its touchpoints, both names have five characters or more, and the rare one has no
 * spend of its own (a campaign that is paid for is real). Compared after clean-up, so case and
 * spacing variants are not typos here (they are {@code UTM_MIXED_SPELLING}).
 */
public final class CampaignTypos extends Check {

  private static final int MIN_LENGTH = 5;
  private static final int DOMINANCE = 10;

  public CampaignTypos() {
    super("UTM_CAMPAIGN_TYPOS", Horizon.QUICK_WIN);
  }

  @Override
  public Optional<Finding> run(AuditInput input) {
    Map<String, Map<String, Integer>> bySource = new TreeMap<>();
    long tagged = 0;
    for (Touchpoint touch : input.normalized().touchpoints()) {
      String campaign = touch.utm().campaign();
      if (campaign != null) {
        tagged++;
        String source = touch.utm().source() == null ? "" : touch.utm().source();
        bySource.computeIfAbsent(source, k -> new TreeMap<>()).merge(campaign, 1, Integer::sum);
      }
    }
    Set<String> paid = new HashSet<>();
    for (Spend spend : input.normalized().spend()) {
      if (spend.utm().campaign() != null) {
        paid.add(spend.utm().campaign());
      }
    }
    int distance = input.settings().campaignTypoDistance();
    long affected = 0;
    List<String> examples = new ArrayList<>();
    Map<String, Map<String, String>> typosBySource = new TreeMap<>();
    for (Map.Entry<String, Map<String, Integer>> source : bySource.entrySet()) {
      Map<String, Integer> counts = source.getValue();
      List<String> names = new ArrayList<>(counts.keySet());
      Map<String, String> typoOf = new HashMap<>();
      for (String rare : names) {
        if (rare.length() < MIN_LENGTH || paid.contains(rare)) {
          continue;
        }
        String best = null;
        for (String frequent : names) {
          if (frequent.equals(rare)
              || frequent.length() < MIN_LENGTH
              || counts.get(frequent) < DOMINANCE * counts.get(rare)
              || Math.abs(frequent.length() - rare.length()) > distance) {
            continue;
          }
          if (EditDistance.within(rare, frequent, distance)
              && (best == null || counts.get(frequent) > counts.get(best))) {
            best = frequent;
          }
        }
        if (best != null) {
          typoOf.put(rare, best);
        }
      }
      typosBySource.put(source.getKey(), typoOf);
      for (Map.Entry<String, String> typo : new TreeMap<>(typoOf).entrySet()) {
        affected += counts.get(typo.getKey());
        examples.add(
            "'"
                + typo.getKey()
                + "' ("
                + counts.get(typo.getKey())
                + ") looks like '"
                + typo.getValue()
                + "' ("
                + counts.get(typo.getValue())
                + ")"
                + (source.getKey().isEmpty() ? "" : " in " + source.getKey()));
      }
    }
    List<String> ids = new ArrayList<>();
    for (Touchpoint touch : input.normalized().touchpoints()) {
      String source = touch.utm().source() == null ? "" : touch.utm().source();
      Map<String, String> typos = typosBySource.get(source);
      if (touch.utm().campaign() != null
          && typos != null
          && typos.containsKey(touch.utm().campaign())) {
        ids.add(touch.id());
      }
    }
    return found(
        affected,
        tagged,
        "touchpoints",
        0,
        0,
        0,
        ids,
        examples,
        affected
            + " touchpoints carry "
            + examples.size()
            + " campaign names that look like typos of a frequent campaign of the same source");
  }
}
