package org.revtrace.core.audit.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.revtrace.core.audit.AuditInput;
import org.revtrace.core.audit.Finding;
import org.revtrace.core.audit.Horizon;
import org.revtrace.core.model.Lead;
import org.revtrace.core.model.TouchType;
import org.revtrace.core.model.Touchpoint;

/**
 * {@code TIMEZONE_MISMATCH}: the CRM and the web data disagree about the time zone. A lead made by
 * a form is created when the form is sent, so each lead with a visitor id is paired with the
 * nearest form touchpoint of that visitor within 14 hours. With at least 20 pairs, when more than
 * half of them differ by the same whole number of hours (±10 minutes) other than zero, one side is
 * written in the wrong zone (a local time read as UTC): journeys are cut at the wrong moment and a
 * lead can seem to come before its own visit. Affected: the pairs in that cluster.
 */
public final class TimezoneMismatch extends Check {

  private static final long WINDOW = 14 * 3600;
  private static final long TOLERANCE = 600;
  private static final int MIN_PAIRS = 20;

  public TimezoneMismatch() {
    super("TIMEZONE_MISMATCH", Horizon.MID_TERM);
  }

  @Override
  public Optional<Finding> run(AuditInput input) {
    Map<String, List<Long>> forms = new HashMap<>();
    for (Touchpoint touch : input.raw().touchpoints()) {
      if (touch.type() == TouchType.FORM && touch.visitorId() != null) {
        forms
            .computeIfAbsent(touch.visitorId(), k -> new ArrayList<>())
            .add(touch.occurredAt().getEpochSecond());
      }
    }
    List<Long> deltas = new ArrayList<>();
    List<String> leadIds = new ArrayList<>();
    for (Lead lead : input.raw().leads()) {
      List<Long> times = lead.visitorId() == null ? null : forms.get(lead.visitorId());
      if (times == null) {
        continue;
      }
      long created = lead.createdAt().getEpochSecond();
      Long best = null;
      for (long time : times) {
        long delta = created - time;
        if (Math.abs(delta) <= WINDOW && (best == null || Math.abs(delta) < Math.abs(best))) {
          best = delta;
        }
      }
      if (best != null) {
        deltas.add(best);
        leadIds.add(lead.id());
      }
    }
    if (deltas.size() < MIN_PAIRS) {
      return Optional.empty();
    }
    TreeMap<Long, Integer> byHours = new TreeMap<>();
    for (long delta : deltas) {
      long hours = Math.round(delta / 3600.0);
      if (Math.abs(delta - hours * 3600) <= TOLERANCE) {
        byHours.merge(hours, 1, Integer::sum);
      }
    }
    Map.Entry<Long, Integer> top =
        byHours.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
    if (top == null || top.getKey() == 0 || top.getValue() * 2 <= deltas.size()) {
      return Optional.empty();
    }
    long hours = top.getKey();
    List<String> examples = new ArrayList<>();
    for (int i = 0; i < deltas.size(); i++) {
      if (Math.abs(deltas.get(i) - hours * 3600) <= TOLERANCE) {
        examples.add(leadIds.get(i));
      }
    }
    return found(
        top.getValue(),
        deltas.size(),
        "leads with a form visit",
        0,
        0,
        0,
        examples,
        top.getValue()
            + " of "
            + deltas.size()
            + " form leads are created "
            + (hours > 0 ? hours + " h after" : -hours + " h before")
            + " their form visit: the CRM and the web data are in different time zones");
  }
}
