package org.revtrace.core.funnel;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * How to read the funnel out of a dataset.
 *
 * @param stages the ordered stages; the last one is the won outcome. Stage names {@code lead},
 *     {@code mql} and {@code sql}, when present, are also entered at the lead's created, MQL and
 *     SQL times; the won stage is entered at a won deal's close time
 * @param lostStage the terminal lost outcome's name in the stage history (not a funnel stage)
 * @param opportunityStage the stage a deal enters when it is created (unless it entered it before)
 * @param aliases data stage names mapped to funnel stage names (both case-insensitive), for CRMs
 *     whose pipeline says "Demo" for {@code meeting}; a data name equal to a stage name needs none
 * @param stuckAfter an open deal with no stage change for this long is stuck (default 30 days)
 * @param responseSla the lead response target (default 1 hour, see docs/definitions/funnel.md)
 * @param reference the "now" of the report: stuck deals, unanswered leads and open deals are judged
 *     as of this instant
 */
public record FunnelOptions(
    List<String> stages,
    String lostStage,
    String opportunityStage,
    Map<String, String> aliases,
    Duration stuckAfter,
    Duration responseSla,
    Instant reference) {

  /** The default B2B pipeline. */
  public static final List<String> DEFAULT_STAGES =
      List.of("lead", "mql", "sql", "meeting", "proposal", "negotiation", "won");

  public static final Duration DEFAULT_STUCK_AFTER = Duration.ofDays(30);

  /**
   * One hour: the usual B2B inbound target (the "5 minutes" of lead-response studies is a
   * best-case; most B2B SLAs are set at one working hour).
   */
  public static final Duration DEFAULT_RESPONSE_SLA = Duration.ofHours(1);

  public FunnelOptions {
    stages = List.copyOf(stages);
    if (stages.size() < 2) {
      throw new IllegalArgumentException("a funnel needs at least two stages: " + stages);
    }
    Set<String> seen = new HashSet<>();
    for (String stage : stages) {
      if (!seen.add(normalise(stage))) {
        throw new IllegalArgumentException("duplicate funnel stage: " + stage);
      }
    }
    Objects.requireNonNull(lostStage, "lostStage");
    if (seen.contains(normalise(lostStage))) {
      throw new IllegalArgumentException("the lost outcome is not a funnel stage: " + lostStage);
    }
    if (!seen.contains(normalise(opportunityStage))) {
      throw new IllegalArgumentException("unknown opportunity stage: " + opportunityStage);
    }
    Map<String, String> normalised = new TreeMap<>();
    for (Map.Entry<String, String> alias : aliases.entrySet()) {
      String target = normalise(alias.getValue());
      if (!seen.contains(target) && !target.equals(normalise(lostStage))) {
        throw new IllegalArgumentException("alias to an unknown stage: " + alias);
      }
      normalised.put(normalise(alias.getKey()), target);
    }
    aliases = Map.copyOf(normalised);
    requirePositive(stuckAfter, "stuckAfter");
    requirePositive(responseSla, "responseSla");
    Objects.requireNonNull(reference, "reference");
  }

  /** The default stages, lost outcome {@code lost}, opportunities entering {@code sql}. */
  public static FunnelOptions defaults(Instant reference) {
    return new FunnelOptions(
        DEFAULT_STAGES,
        "lost",
        "sql",
        Map.of(),
        DEFAULT_STUCK_AFTER,
        DEFAULT_RESPONSE_SLA,
        reference);
  }

  public FunnelOptions withStages(List<String> newStages, String newOpportunityStage) {
    return new FunnelOptions(
        newStages, lostStage, newOpportunityStage, aliases, stuckAfter, responseSla, reference);
  }

  public FunnelOptions withAliases(Map<String, String> newAliases) {
    return new FunnelOptions(
        stages, lostStage, opportunityStage, newAliases, stuckAfter, responseSla, reference);
  }

  public FunnelOptions withStuckAfter(Duration newStuckAfter) {
    return new FunnelOptions(
        stages, lostStage, opportunityStage, aliases, newStuckAfter, responseSla, reference);
  }

  public FunnelOptions withResponseSla(Duration newResponseSla) {
    return new FunnelOptions(
        stages, lostStage, opportunityStage, aliases, stuckAfter, newResponseSla, reference);
  }

  static String normalise(String stage) {
    return Objects.requireNonNull(stage, "stage").trim().toLowerCase(Locale.ROOT);
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
  }
}
