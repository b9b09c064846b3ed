package org.revtrace.ingest.salesforce;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.revtrace.core.model.DealStatus;

/**
 * Maps Salesforce opportunity stages ({@code StageName}) to Revtrace funnel stages.
 *
 * <p>Looked up by name, case- and space-insensitively: first the overrides, then the default map of
 * Salesforce's default sales process (docs/connectors/crm.md): Prospecting, Qualification → sql;
 * Needs Analysis, Value Proposition, Id. Decision Makers → meeting; Perception Analysis,
 * Proposal/Price Quote → proposal; Negotiation/Review → negotiation; Closed Won → won; Closed Lost
 * → lost. A name in neither is {@code won} / {@code lost} when the record says it is closed, else
 * passes through unchanged (the funnel lists it as unmapped).
 *
 * <p>Status comes from the opportunity's own {@code IsClosed} and {@code IsWon}, which Salesforce
 * derives from the stage's definition: closed and won → won, closed and not won → lost, else open.
 */
public final class SalesforceStages {

  private static final Map<String, String> DEFAULTS =
      Map.ofEntries(
          Map.entry("prospecting", "sql"),
          Map.entry("qualification", "sql"),
          Map.entry("needs analysis", "meeting"),
          Map.entry("value proposition", "meeting"),
          Map.entry("id. decision makers", "meeting"),
          Map.entry("perception analysis", "proposal"),
          Map.entry("proposal/price quote", "proposal"),
          Map.entry("negotiation/review", "negotiation"),
          Map.entry("closed won", "won"),
          Map.entry("closed lost", "lost"));

  private final Map<String, String> stagesByName;

  private SalesforceStages(Map<String, String> stagesByName) {
    this.stagesByName = Map.copyOf(stagesByName);
  }

  /** The default map. */
  public static SalesforceStages defaults() {
    return new SalesforceStages(DEFAULTS);
  }

  /** This map with {@code overrides} (stage name → funnel stage) taking precedence. */
  public SalesforceStages withOverrides(Map<String, String> overrides) {
    Map<String, String> merged = new HashMap<>(stagesByName);
    overrides.forEach((name, stage) -> merged.put(key(name), stage.strip()));
    return new SalesforceStages(merged);
  }

  /** The funnel stage of {@code stageName} (null for null) for a deal with {@code status}. */
  public String stage(String stageName, DealStatus status) {
    if (stageName == null) {
      return null;
    }
    String mapped = stagesByName.get(key(stageName));
    if (mapped != null) {
      return mapped;
    }
    return switch (status) {
      case WON -> "won";
      case LOST -> "lost";
      case OPEN -> stageName;
    };
  }

  /** Won when closed and won, lost when closed and not won, else open. */
  public static DealStatus status(boolean closed, boolean won) {
    if (!closed) {
      return DealStatus.OPEN;
    }
    return won ? DealStatus.WON : DealStatus.LOST;
  }

  private static String key(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
