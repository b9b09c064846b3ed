package org.revtrace.ingest.bitrix24;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.revtrace.core.model.DealStatus;

/**
 * Maps Bitrix24 deal stage ids to Revtrace funnel stage names and deal statuses.
 *
 * <p>Pipelines other than the default one prefix their stage ids with {@code C<category id>:}
 * ({@code C1:NEW}); the prefix is cut before the lookup, so one entry covers every pipeline, and an
 * override may name the prefixed id to treat one pipeline differently (looked up first). Default
 * map (docs/connectors/crm.md): {@code NEW → sql} (a new deal is an opportunity), {@code
 * PREPARATION → proposal}, {@code PREPAYMENT_INVOICE}, {@code EXECUTING}, {@code FINAL_INVOICE →
 * negotiation}, {@code WON → won}, {@code LOSE}, {@code APOLOGY → lost}. A stage id in neither the
 * overrides nor the defaults passes through unchanged (without its prefix), so the funnel reports
 * it as unmapped instead of guessing.
 *
 * <p>Status comes from the stage semantics Bitrix24 sends ({@code STAGE_SEMANTIC_ID}: {@code S}
 * success → won, {@code F} failure → lost, {@code P} process → open); without it, from the stage id
 * ({@code WON} → won, {@code LOSE} and {@code APOLOGY} → lost, else open).
 */
public final class Bitrix24Stages {

  private static final Pattern PIPELINE_PREFIX = Pattern.compile("^C\\d+:");

  private static final Map<String, String> DEFAULTS =
      Map.of(
          "NEW", "sql",
          "PREPARATION", "proposal",
          "PREPAYMENT_INVOICE", "negotiation",
          "EXECUTING", "negotiation",
          "FINAL_INVOICE", "negotiation",
          "WON", "won",
          "LOSE", "lost",
          "APOLOGY", "lost");

  private final Map<String, String> stages;

  private Bitrix24Stages(Map<String, String> stages) {
    this.stages = Map.copyOf(stages);
  }

  /** The default map. */
  public static Bitrix24Stages defaults() {
    return new Bitrix24Stages(DEFAULTS);
  }

  /**
   * The default map with {@code overrides} (stage id, optionally with its {@code C<n>:} prefix →
   * funnel stage name) taking precedence.
   */
  public Bitrix24Stages withOverrides(Map<String, String> overrides) {
    Map<String, String> merged = new HashMap<>(stages);
    overrides.forEach(
        (id, stage) -> merged.put(id.strip().toUpperCase(Locale.ROOT), stage.strip()));
    return new Bitrix24Stages(merged);
  }

  /** The funnel stage of a stage id; null for a blank id. */
  public String stage(String stageId) {
    if (stageId == null || stageId.isBlank()) {
      return null;
    }
    String id = stageId.strip().toUpperCase(Locale.ROOT);
    String exact = stages.get(id);
    if (exact != null) {
      return exact;
    }
    String bare = PIPELINE_PREFIX.matcher(id).replaceFirst("");
    return stages.getOrDefault(bare, PIPELINE_PREFIX.matcher(stageId.strip()).replaceFirst(""));
  }

  /** The deal status from the stage semantics, else from the stage id. */
  public static DealStatus status(String stageId, String semanticId) {
    if (semanticId != null && !semanticId.isBlank()) {
      switch (semanticId.strip().toUpperCase(Locale.ROOT)) {
        case "S":
          return DealStatus.WON;
        case "F":
          return DealStatus.LOST;
        default:
          return DealStatus.OPEN;
      }
    }
    if (stageId == null) {
      return DealStatus.OPEN;
    }
    String bare =
        PIPELINE_PREFIX.matcher(stageId.strip().toUpperCase(Locale.ROOT)).replaceFirst("");
    return switch (bare) {
      case "WON" -> DealStatus.WON;
      case "LOSE", "APOLOGY" -> DealStatus.LOST;
      default -> DealStatus.OPEN;
    };
  }
}
