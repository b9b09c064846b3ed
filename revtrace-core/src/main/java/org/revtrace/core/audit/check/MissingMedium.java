package org.revtrace.core.audit.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.revtrace.core.audit.AuditInput;
import org.revtrace.core.audit.Finding;
import org.revtrace.core.audit.Horizon;
import org.revtrace.core.model.Touchpoint;

/**
 * {@code UTM_MISSING_MEDIUM}: touchpoints tagged with a UTM source but no medium, so paid and free
 * traffic of that source cannot be told apart (channel grouping falls back to the source alone).
 */
public final class MissingMedium extends Check {

  public MissingMedium() {
    super("UTM_MISSING_MEDIUM", Horizon.QUICK_WIN);
  }

  @Override
  public Optional<Finding> run(AuditInput input) {
    long withSource = 0;
    long affected = 0;
    TreeMap<String, Integer> bySource = new TreeMap<>();
    List<String> ids = new ArrayList<>();
    for (Touchpoint touch : input.raw().touchpoints()) {
      if (touch.utm().source() != null) {
        withSource++;
        if (touch.utm().medium() == null) {
          affected++;
          ids.add(touch.id());
          bySource.merge(touch.utm().source(), 1, Integer::sum);
        }
      }
    }
    List<String> examples = new ArrayList<>();
    bySource.forEach((source, count) -> examples.add(source + " (" + count + ")"));
    return found(
        affected,
        withSource,
        "touchpoints",
        0,
        0,
        0,
        ids,
        examples,
        affected
            + " of "
            + withSource
            + " touchpoints with utm_source ("
            + percent(affected, withSource)
            + ") have no utm_medium");
  }
}
