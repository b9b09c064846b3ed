package org.revtrace.core.audit;

import java.util.List;
import java.util.Objects;

/**
 * What one audit check found.
 *
 * @param code the check's stable code ({@code LEADS_WITHOUT_SOURCE}); its definition is {@code
 *     docs/definitions/audit/<code in lower case>.md}
 * @param horizon when it can be fixed
 * @param affected how many records have the problem
 * @param population how many records the check looked at (the share's denominator)
 * @param unit what was counted ({@code leads}, {@code deals}, {@code touchpoints}, {@code spend
 *     rows}, ...)
 * @param revenueAffected revenue (reporting currency, minor units) of the won deals the problem
 *     touches; 0 when it touches none or the check is not about revenue
 * @param spendAffected spend (reporting currency, minor units) the problem touches
 * @param pipelineAffected open deal amounts (reporting currency, minor units) the problem touches
 * @param affectedIds every affected record's id (or, for checks about values, the value groups),
 *     sorted — for export and fixing at the source; {@link #examples()} shows the first ten
 * @param notes what the affected records have in common, for people (the mixed spellings, the
 *     campaigns without spend, ...); may be empty
 * @param detail one sentence with the numbers behind the finding
 */
public record Finding(
    String code,
    Horizon horizon,
    long affected,
    long population,
    String unit,
    long revenueAffected,
    long spendAffected,
    long pipelineAffected,
    List<String> affectedIds,
    List<String> notes,
    String detail) {

  /** At most this many examples are kept. */
  public static final int EXAMPLES = 10;

  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(horizon, "horizon");
    Objects.requireNonNull(unit, "unit");
    if (affected <= 0 || population < affected) {
      throw new IllegalArgumentException(
          code + ": affected must be in 1.." + population + ", got " + affected);
    }
    if (revenueAffected < 0 || spendAffected < 0 || pipelineAffected < 0) {
      throw new IllegalArgumentException(code + ": negative money affected");
    }
    affectedIds = affectedIds.stream().sorted().toList();
    notes = List.copyOf(notes);
    detail = detail == null ? "" : detail;
  }

  /** The first ten affected ids, to show. */
  public List<String> examples() {
    return affectedIds.subList(0, Math.min(EXAMPLES, affectedIds.size()));
  }

  /** Money the finding touches: revenue, spend and open pipeline together. */
  public long moneyAffected() {
    return revenueAffected + spendAffected + pipelineAffected;
  }

  /** Affected records as a share of the records looked at, 0..1. */
  public double share() {
    return (double) affected / population;
  }
}
